using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 行政复议法2023第三十一条 (docs/statutes/xingzheng-fuyi.md): "补正通知应当一次性载明需要补正的事项" — one notice; a
/// second one is an exception the 复议机构 must justify (recorded). "申请人应当自收到补正通知之日起十日内提交补正材料 …
/// 无正当理由逾期不补正的，视为申请人放弃行政复议申请" — 10 working days (第八十八条) from the applicant's receipt of the notice,
/// so 视为放弃 needs that receipt date and is possible only from the day after the 10th working day.
/// </summary>
public static class CorrectionRules
{
    public static int NoticesIssued(ReconCase c) => c.Events.Count(e => e.Action == CaseAction.RequestCorrection);

    /// <summary>A second (or later) notice needs its reason.</summary>
    public static void EnsureSecondNoticeJustified(ReconCase c, string? reason)
    {
        var issued = NoticesIssued(c);
        if (issued > 0 && string.IsNullOrWhiteSpace(reason))
            throw FazhiValidationException.For("reason",
                $"补正通知应当一次性载明需要补正的事项（行政复议法第三十一条第一款）；本案已发出{issued}次补正通知，再次通知补正须写明理由。");
    }

    /// <summary>The last day to supply: 10 working days from the receipt of the notice.</summary>
    public static DateOnly SupplyLastDay(DateOnly noticeReceivedOn, HolidayCalendar calendar) =>
        calendar.AddWorkingDays(noticeReceivedOn, 10, provisional: true);

    /// <summary>视为放弃 on <paramref name="on"/>: the receipt date must be known and the 10 working days over.</summary>
    public static void EnsureAbandonAllowed(ReconCase c, DateOnly? receivedOn, DateOnly on, HolidayCalendar calendar)
    {
        var received = receivedOn ?? c.CorrectionNoticeReceivedOn;
        if (received is not { } r)
            throw FazhiValidationException.For("receivedOn",
                "视为放弃须以申请人收到补正通知之日起十日内未补正为前提（行政复议法第三十一条第二款），请填写申请人收到补正通知的日期（以送达回证或邮件签收记录为准）。");
        if (c.CorrectionNoticeOn is { } notice && r < notice)
            throw FazhiValidationException.For("receivedOn", $"申请人收到补正通知的日期不能早于通知日期（{HolidayFile.Iso(notice)}）。");
        var last = SupplyLastDay(r, calendar);
        if (on <= last)
            throw FazhiValidationException.For("on",
                $"补正期限自{HolidayFile.Iso(r)}申请人收到补正通知之次日起10个工作日，至{HolidayFile.Iso(last)}（行政复议法第三十一条第二款、第八十八条），期限届满前不能视为放弃；最早可于{HolidayFile.Iso(last.AddDays(1))}记录。");
    }
}
