using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>Choices the statute leaves open, made per installation (appsettings section "Reconsideration").</summary>
public sealed class ReconRulesOptions
{
    /// <summary>
    /// Whether time in 中止 is left out of the decision period. The 2023 law does not say (第六十二条 is silent);
    /// 复议机构 practice excludes it, so that is the default. The deadline explanation always says which applies.
    /// </summary>
    public bool ExcludeSuspensionFromDecisionPeriod { get; set; } = true;

    /// <summary>第六十二条第一款: "延长期限最多不得超过三十日".</summary>
    public int MaxExtensionDays { get; set; } = 30;

    /// <summary>第五十一条: hearing notice "五日前" (working days under 第八十八条).</summary>
    public int HearingNoticeWorkingDays { get; set; } = 5;

    /// <summary>受理、延期、决定须经呈报审批 (approved by a leader) rather than done directly by staff.</summary>
    public bool ApprovalRequired { get; set; }

    /// <summary>案号 pattern: {prefix} (the unit's short name), {year}, {seq}.</summary>
    public string CaseNumberPattern { get; set; } = "{prefix}复〔{year}〕{seq}号";

    // ---- recon-rules (issue 15 §1) ----

    /// <summary>第六十一条: decisions go through 呈报审批 (a leader's agreement) unless this is turned off.</summary>
    public bool DecisionApprovalRequired { get; set; } = true;

    /// <summary>Office hours (Beijing time, "HH:mm") in which the 1小时速联快调 hour is counted.</summary>
    public string OfficeOpens { get; set; } = "09:00";

    public string OfficeCloses { get; set; } = "18:00";

    public TimeOnly OfficeOpensAt => TimeOnly.ParseExact(OfficeOpens, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public TimeOnly OfficeClosesAt => TimeOnly.ParseExact(OfficeCloses, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The deadlines of a 行政复议 case under the 2023 行政复议法, each citing its article. Text checked against the
/// 2023 revision as reproduced from flk.npc.gov.cn (docs/statutes/xingzheng-fuyi.md):
/// <list type="bullet">
/// <item>第八十八条: "三日"、"五日"、"七日"、"十日" are working days, 法定休假日 excluded; other periods follow
/// 民事诉讼法 (第八十五条: counting starts the next day; a period whose last day is a 法定休假日 ends on the first
/// day after it).</item>
/// <item>第三十条: review within 5 (working) days of receipt; no 不予受理 by then → 视为受理 on the expiry day.</item>
/// <item>第三十一条: 补正 within 10 (working) days of receiving the notice; the review starts afresh on supply.</item>
/// <item>第四十八条 / 第五十四条: copy to the respondent within 7 / 3 working days of acceptance; reply within 10 / 5
/// working days of receiving the copy.</item>
/// <item>第六十二条: decision within 60 days (普通) or 30 days (简易) of acceptance; 普通 may be extended by at most
/// 30 days with the approval of the head of the 行政复议机构.</item>
/// </list>
/// </summary>
public static class ReconDeadlines
{
    public const string Review = "review";
    public const string CorrectionSupply = "correction";
    public const string CopyToRespondent = "copy";
    public const string RespondentReply = "reply";
    public const string Decision = "decision";
    public const string OpinionReply = "opinion-reply";

    /// <summary>Dates in a year whose holiday notice is not entered yet count Monday to Friday, marked as such.</summary>
    private const bool Provisional = true;

    public static IReadOnlyList<DeadlineSpec> Compute(ReconCase c, HolidayCalendar calendar, ReconRulesOptions options, DateOnly today) =>
        [.. ComputeRaw(c, calendar, options, today).Select(d => UnknownYear(calendar, c.ReceivedOn, d.DueOn) is not { } year ? d
            : d with { Explanation = d.Explanation + $"（{year}年节假日安排尚未录入，暂按周一至周五计算，录入后自动重算）" })];

    /// <summary>A year the period runs through whose notice is not entered (checked at both ends; periods are short).</summary>
    private static int? UnknownYear(HolidayCalendar calendar, DateOnly start, DateOnly due) =>
        !calendar.IsKnown(start) ? start.Year : !calendar.IsKnown(due) ? due.Year : null;

    private static List<DeadlineSpec> ComputeRaw(ReconCase c, HolidayCalendar calendar, ReconRulesOptions options, DateOnly today)
    {
        var list = new List<DeadlineSpec>(OutcomeTimers.Compute(c, calendar)); // 第四十一条第五项, 第六十四条, 第六十六条
        var closed = !CaseStateMachine.IsOpen(c.Status);

        // 第三十条 / 第三十一条: the acceptance review (every case has one; it ends when the case is accepted or refused).
        {
            var start = c.CorrectionSuppliedOn ?? c.ReceivedOn;
            var due = calendar.AddWorkingDays(start, 5, Provisional);
            var why = c.CorrectionSuppliedOn is null
                ? $"自{Iso(start)}收到申请之次日起5个工作日（行政复议法第三十条、第八十八条），至{Iso(due)}；期满未决定不予受理的，视为受理"
                : $"自{Iso(start)}收到补正材料之次日起重新审查5个工作日（第三十一条、第三十条），至{Iso(due)}";
            var status = c.Status switch
            {
                CaseStatus.AwaitingCorrection => DeadlineStatus.Paused,
                CaseStatus.Reviewing => DeadlineStatus.Open,
                _ => DeadlineStatus.Completed,
            };
            list.Add(new(Review, "受理审查", due, status, status == DeadlineStatus.Paused ? why + "；补正期间暂停" : why));
        }

        // 第三十一条: the applicant's supply period.
        if (c.CorrectionNoticeReceivedOn is { } noticeReceived && (c.Status == CaseStatus.AwaitingCorrection || c.CorrectionSuppliedOn is not null || c.Status == CaseStatus.Abandoned))
        {
            var due = calendar.AddWorkingDays(noticeReceived, 10, Provisional);
            list.Add(new(CorrectionSupply, "申请人补正", due,
                c.Status == CaseStatus.AwaitingCorrection ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"自{Iso(noticeReceived)}收到补正通知之次日起10个工作日（第三十一条第二款），至{Iso(due)}；无正当理由逾期不补正的，视为放弃"));
        }

        // 第七十六条: the agency answers a 行政复议意见书 within 60 days of receiving it (natural days, 民事诉讼法第八十五条).
        if (c.OpinionLetterOn is { } letter)
        {
            var due = calendar.NaturalPeriodEnd(letter, 60, Provisional);
            list.Add(new(OpinionReply, "意见书反馈", due, c.OpinionRepliedOn is null ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"{c.OpinionLetterTo}自{Iso(letter)}收到意见书之次日起60日内反馈（第七十六条），至{Iso(due)}"));
        }

        if (c.AcceptedOn is not { } accepted)
            return list;
        var simplified = c.Procedure == ProcedureKind.Simplified;

        // 第四十八条 / 第五十四条: the copy to the respondent.
        var copyDays = simplified ? 3 : 7;
        var copyDue = calendar.AddWorkingDays(accepted, copyDays, Provisional);
        list.Add(new(CopyToRespondent, "发送申请书副本", copyDue,
            c.CopySentOn is not null || closed ? DeadlineStatus.Completed : DeadlineStatus.Open,
            $"自{Iso(accepted)}受理之次日起{copyDays}个工作日（{(simplified ? "第五十四条" : "第四十八条")}），至{Iso(copyDue)}"));

        // … and the respondent's reply.
        if (c.CopyReceivedOn is { } copyReceived)
        {
            var replyDays = simplified ? 5 : 10;
            var replyDue = calendar.AddWorkingDays(copyReceived, replyDays, Provisional);
            list.Add(new(RespondentReply, "被申请人答复", replyDue,
                c.ReplyReceivedOn is not null || closed ? DeadlineStatus.Completed : DeadlineStatus.Open,
                $"自{Iso(copyReceived)}被申请人收到副本之次日起{replyDays}个工作日（{(simplified ? "第五十四条" : "第四十八条")}），至{Iso(replyDue)}"));
        }

        // 第六十二条: the decision.
        var (decisionDue, explanation) = DecisionDue(c, accepted, calendar, options, today);
        list.Add(new(Decision, "作出复议决定", decisionDue,
            closed ? DeadlineStatus.Completed : c.Status == CaseStatus.Suspended && options.ExcludeSuspensionFromDecisionPeriod ? DeadlineStatus.Paused : DeadlineStatus.Open,
            explanation));
        return list;
    }

    /// <summary>The last day for the decision and how it was reached, e.g.
    /// "自2024-10-08受理起60日，中止12日不计入，延长30日，至2025-01-06".</summary>
    public static (DateOnly Due, string Explanation) DecisionDue(ReconCase c, DateOnly accepted, HolidayCalendar calendar, ReconRulesOptions options, DateOnly today)
    {
        var simplified = c.Procedure == ProcedureKind.Simplified;
        var baseDays = simplified ? 30 : 60;
        var suspended = options.ExcludeSuspensionFromDecisionPeriod ? SuspendedDays(c, today) : 0;
        var extension = simplified ? 0 : c.ExtensionDays;
        var plain = HolidayCalendar.AddNaturalDays(accepted, baseDays + suspended + extension);
        var due = calendar.NaturalPeriodEnd(accepted, baseDays + suspended + extension, Provisional);
        var parts = new List<string> { $"自{Iso(accepted)}受理起{baseDays}日（第六十二条，{(simplified ? "简易程序" : "普通程序")}）" };
        if (c.Suspensions.Count > 0)
            parts.Add(options.ExcludeSuspensionFromDecisionPeriod
                ? $"中止{suspended}日不计入{(c.Suspensions.Any(s => s.To is null) ? $"（中止中，计至{Iso(today)}）" : "")}"
                : "中止期间计入（本系统设置）");
        if (extension > 0)
            parts.Add($"经批准延长{extension}日");
        var end = due == plain ? $"至{Iso(due)}" : $"至{Iso(plain)}，该日为休息日，顺延至{Iso(due)}（民事诉讼法第八十五条）";
        return (due, string.Join("，", parts) + "，" + end);
    }

    /// <summary>Natural days in 中止: each from its first day up to (not including) the day it resumed; an open one up to today.</summary>
    public static int SuspendedDays(ReconCase c, DateOnly today) =>
        c.Suspensions.Sum(s => Math.Max(0, (s.To ?? today).DayNumber - s.From.DayNumber));

    private static string Iso(DateOnly d) => HolidayFile.Iso(d);
}
