using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 行政复议委员会 (行政复议法2023第五十二条, text in docs/statutes/xingzheng-fuyi-documents.md, checked against
/// Theonefkguy/Chinese-Laws 行政法/行政复议法(2023-09-01).md): “审理行政复议案件涉及下列情形之一的，行政复议机构应当提请
/// 行政复议委员会提出咨询意见：（一）案情重大、疑难、复杂；（二）专业性、技术性较强；（三）本法第二十四条第二款规定的行政复议案件；
/// （四）行政复议机构认为有必要。行政复议机构应当记录行政复议委员会的咨询意见。” 第六十一条第三款: the opinion is an important
/// reference for the decision, so a case with a 提请 is decided only once the opinion is recorded.
/// </summary>
public static class CommitteeRules
{
    public static readonly IReadOnlyList<string> Grounds =
    [
        "案情重大、疑难、复杂（第五十二条第二款第一项）",
        "专业性、技术性较强（第五十二条第二款第二项）",
        "第二十四条第二款规定的案件（第五十二条第二款第三项）",
        "行政复议机构认为有必要（第五十二条第二款第四项）",
    ];

    public const int TextLimit = 2000;

    /// <summary>The ground as chosen: its full wording, or its number 1–4, or the wording without the article.</summary>
    public static string Ground(string? value)
    {
        var v = value?.Trim() ?? "";
        var match = Grounds.FirstOrDefault(g => g == v)
            ?? (int.TryParse(v, out var i) && i is >= 1 and <= 4 ? Grounds[i - 1] : null)
            ?? (v.Length >= 4 ? Grounds.FirstOrDefault(g => g.StartsWith(v, StringComparison.Ordinal)) : null);
        return match ?? throw FazhiValidationException.For("consultationGround", "请选择提请咨询的情形（第五十二条第二款）：" + string.Join("；", Grounds));
    }

    /// <summary>
    /// Each member's opinion, one a line as “姓名：意见”. Every member named must be in the roster (when one is given);
    /// at least two members; no member twice; no empty opinion.
    /// </summary>
    public static IReadOnlyList<(string Member, string Opinion)> Opinions(string? text, IReadOnlyCollection<string>? roster)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<(string, string)>();
        foreach (var line in lines)
        {
            var i = line.IndexOfAny(['：', ':']);
            if (i <= 0 || string.IsNullOrWhiteSpace(line[(i + 1)..]))
                throw FazhiValidationException.For("opinions", $"“{Short(line)}”：每行写一位委员的意见，格式为“姓名：意见”");
            var member = line[..i].Trim();
            var opinion = line[(i + 1)..].Trim();
            if (member.Length > 32)
                throw FazhiValidationException.For("opinions", $"“{Short(member)}”不是委员的姓名（每行“姓名：意见”）");
            if (roster is not null && !roster.Contains(member))
                throw FazhiValidationException.For("opinions", $"“{member}”不在本机构的行政复议委员会名册中" + (roster.Count == 0 ? "（名册为空，请先在“复议委员会”中登记委员）" : "：" + string.Join("、", roster)));
            if (result.Any(r => r.Item1 == member))
                throw FazhiValidationException.For("opinions", $"委员“{member}”的意见写了两次");
            result.Add((member, opinion));
        }
        if (result.Count < 2)
            throw FazhiValidationException.For("opinions", "请逐一记录参加咨询的委员（至少两位）的意见，每行“姓名：意见”");
        if (result.Sum(r => r.Item2.Length) > TextLimit)
            throw FazhiValidationException.For("opinions", $"委员意见合计不超过{TextLimit}字");
        return result;
    }

    private static string Short(string s) => s.Length > 12 ? s[..12] + "…" : s;
}
