using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// Limits on the decision (行政复议法2023, docs/statutes/xingzheng-fuyi.md):
/// <list type="bullet">
/// <item>第六十二条: "情况复杂，不能在规定期限内作出行政复议决定的，经行政复议机构的负责人批准，可以适当延长" — an
/// extension is granted while the period runs, not after it has run out.</item>
/// <item>第四十八条: the copy goes to the respondent, who replies within 10 (working) days of receiving it; 第四十九条: "适用普通程序
/// 审理的行政复议案件，行政复议机构应当当面或者通过互联网、电话等方式听取当事人的意见，并将听取的意见记录在案。因当事人原因不能
/// 听取意见的，可以书面审理" — so a 普通程序 decision comes after the copy, the reply (or its period) and the opinions; the
/// lawful exception (书面审理 because of a party) is an override with its recorded reason.</item>
/// <item>第六十一条: "由行政复议机构对行政行为进行审查，提出意见，经行政复议机关的负责人同意或者集体讨论通过后，以行政复议机关的
/// 名义作出行政复议决定" — which of the two, and who.</item>
/// <item>第三十三条 驳回申请 (受理后发现不符合受理条件) is procedural: it does not wait for the reply or the opinions.</item>
/// </list>
/// </summary>
public static class DecisionRules
{
    public const string LeaderAgreed = "负责人同意";
    public const string CollectiveDiscussion = "集体讨论";
    public static readonly IReadOnlyList<string> Modes = [LeaderAgreed, CollectiveDiscussion];

    /// <summary>第六十二条: refused once the decision period (with its extensions and pauses) has run out.</summary>
    public static void EnsureExtensionInTime(ReconCase c, DateOnly on, HolidayCalendar calendar, ReconRulesOptions options)
    {
        if (c.AcceptedOn is not { } accepted)
            return;
        var (due, why) = ReconDeadlines.DecisionDue(c, accepted, calendar, options, on);
        if (on > due)
            throw FazhiValidationException.For("on",
                $"延期应当在审理期限届满前批准（行政复议法第六十二条）：{why}；审理期限已届满，不能再延期。");
    }

    /// <summary>The steps of 第四十八条 and 第四十九条 not yet done on <paramref name="on"/>, each naming its article.</summary>
    public static IReadOnlyList<string> MissingOrdinarySteps(ReconCase c, DateOnly on, HolidayCalendar calendar)
    {
        var missing = new List<string>();
        if (c.Procedure != ProcedureKind.Ordinary)
            return missing;
        if (c.CopySentOn is null)
            missing.Add("未向被申请人发送申请书副本（第四十八条）");
        if (c.ReplyReceivedOn is null)
        {
            if (c.CopyReceivedOn is not { } copyReceived)
                missing.Add(c.CopySentOn is null ? "未收到被申请人答复（第四十八条）" : "未收到被申请人答复，且未录入被申请人收到副本的日期，无法确认答复期限已届满（第四十八条）");
            else if (calendar.AddWorkingDays(copyReceived, 10, provisional: true) is var replyDue && on <= replyDue)
                missing.Add($"未收到被申请人答复，答复期限至{HolidayFile.Iso(replyDue)}尚未届满（第四十八条）");
        }
        if (!c.Events.Any(e => e.Action is CaseAction.HearOpinion or CaseAction.HoldHearing))
            missing.Add("未听取当事人意见并记录在案（第四十九条）");
        return missing;
    }

    /// <summary>Refuses a 普通程序 decision with missing steps unless <paramref name="overrideReason"/> records why.</summary>
    public static void EnsureOrdinaryStepsDone(ReconCase c, DecisionType type, DateOnly on, string? overrideReason, HolidayCalendar calendar)
    {
        if (type == DecisionType.DismissApplication)
            return;
        var missing = MissingOrdinarySteps(c, on, calendar);
        if (missing.Count > 0 && string.IsNullOrWhiteSpace(overrideReason))
            throw FazhiValidationException.For("overrideReason",
                "普通程序案件尚不能作出决定：" + string.Join("；", missing) + "。确属依法可以不经上述步骤的（如因当事人原因不能听取意见而书面审理），请在“未完成步骤的理由”中写明。");
    }

    /// <summary>第六十一条: 负责人同意 or 集体讨论, and who.</summary>
    public static void EnsureDecisionBasis(string? mode, string? decidedBy)
    {
        if (mode is null || !Modes.Contains(mode))
            throw FazhiValidationException.For("decisionMode", "行政复议决定应当经行政复议机关的负责人同意或者集体讨论通过（行政复议法第六十一条），请选择“负责人同意”或“集体讨论”。");
        if (string.IsNullOrWhiteSpace(decidedBy))
            throw FazhiValidationException.For("decidedBy", mode == LeaderAgreed
                ? "请填写同意的行政复议机关负责人（第六十一条）"
                : "请填写参加集体讨论的人员（第六十一条）");
    }

    /// <summary>Decisions that set a period for the respondent: 撤销/部分撤销 with 重新作出 (第六十四条), 责令履行 (第六十六条).</summary>
    public static bool SetsPeriod(DecisionType t) => t is DecisionType.Revoke or DecisionType.PartialRevoke or DecisionType.OrderPerformance;
}
