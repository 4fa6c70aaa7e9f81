using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Rules;

/// <summary>
/// A dispute's deadlines, as timer rows (ADR 0005):
/// - 调结期限: 人民调解工作若干规定 (司法部令第75号, 2002) 第三十三条 "一般在一个月内调结" — a soft target, default 30 days from
///   受理 (Mediation:TargetDays), a warning only; the statute itself sets no limit.
/// - 委托调解期限 of an 诉调对接 dispute: the entrusting court's order (its date is data, <see cref="Dispute.CourtDeadline"/>).
/// - 司法确认申请期限: 人民调解法第三十三条, 30 days from the agreement taking effect (<see cref="JudicialConfirmation"/>),
///   open while a successful dispute has no application yet.
/// </summary>
public static class MediationDeadlines
{
    public const string Target = "med.target", Court = "med.court", Confirmation = "med.confirmation";

    public static IReadOnlyList<DeadlineSpec> Compute(Dispute d, HolidayCalendar calendar, int targetDays)
    {
        var list = new List<DeadlineSpec>();
        var open = d.IsOpen;
        if (d.AcceptedOn is { } accepted)
            list.Add(new DeadlineSpec(Target, "调结期限（一般一个月）", HolidayCalendar.AddNaturalDays(accepted, targetDays),
                open ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"人民调解工作若干规定第三十三条：一般在一个月内调结；自受理（{accepted:yyyy-MM-dd}）起{targetDays}日，仅作提醒"));
        if (d.Source == DisputeSource.CourtReferral && d.CourtDeadline is { } due)
            list.Add(new DeadlineSpec(Court, "委托调解期限", due, open ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"{d.Court}委托调解（{d.CourtCaseNumber}），期限至{due:yyyy-MM-dd}"));
        if (d.Status == DisputeStatus.Succeeded && d.EffectiveOn is { } effective && d.Imported is false)
            list.Add(new DeadlineSpec(Confirmation, "司法确认申请期限", JudicialConfirmation.LastDay(effective, calendar),
                d.ConfirmationAppliedOn is null ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"{JudicialConfirmation.Article}：自调解协议生效之日（{effective:yyyy-MM-dd}）起三十日内共同申请；届满日遇法定休假日顺延（民事诉讼法第八十五条）{(JudicialConfirmation.IsProvisional(effective, calendar) ? "；该年度节假日安排尚未录入，暂按周末顺延，录入后自动重算" : "")}"));
        return list;
    }
}

/// <summary>Configuration section <c>Mediation</c>.</summary>
public sealed class MediationOptions
{
    /// <summary>调结 target in days from 受理 (2002 规定第三十三条 "一般在一个月内"); a warning only.</summary>
    public int TargetDays { get; set; } = 30;
}
