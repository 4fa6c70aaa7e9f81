namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 简易程序 (行政复议法2023第五十三条): a case whose facts are clear, rights and duties plain and dispute small may be
/// heard under the simplified procedure where (1) the act was made on the spot, (2) the penalty was a 警告 or
/// 通报批评, (3) the amount involved is at most 3,000 yuan, or (4) it is a 政府信息公开 case; any other case
/// may be, if all parties agree.
/// </summary>
public static class SimplifiedProcedure
{
    public const long AmountLimitFen = 3_000_00;

    /// <summary>The grounds of 第五十三条 as staff choose them when accepting a case under the simplified procedure.</summary>
    public static readonly IReadOnlyList<string> Grounds =
    [
        "被申请行政复议的行政行为是当场作出",
        "被申请行政复议的行政行为是警告或者通报批评",
        "案件涉及款额三千元以下",
        "属于政府信息公开案件",
        "当事人各方同意适用简易程序",
    ];

    public static string? GroundFor(bool onTheSpot, bool warningOrCriticism, long? amountFen, bool informationDisclosure, bool partiesAgree) =>
        onTheSpot ? "被申请行政复议的行政行为是当场作出（第五十三条第一款第一项）"
        : warningOrCriticism ? "被申请行政复议的行政行为是警告或者通报批评（第一款第二项）"
        : amountFen is { } fen && fen <= AmountLimitFen ? $"案件涉及款额{fen / 100m:0.##}元，在三千元以下（第一款第三项）"
        : informationDisclosure ? "属于政府信息公开案件（第一款第四项）"
        : partiesAgree ? "当事人各方同意适用简易程序（第五十三条第二款）"
        : null;
}
