using Fazhi.Web.Kernel.Calendar;

namespace Fazhi.Web.Modules.Mediation.Rules;

/// <summary>
/// 司法确认 (人民调解法 2010 第三十三条第一款): "经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起
/// 三十日内共同向人民法院申请司法确认". Also 民事诉讼法 (2023) 第二百零五条 ("由双方当事人自调解协议生效之日起三十日内，共同向…人民法院提出").
/// Counting (民事诉讼法第八十五条): the day the agreement takes effect is not counted; a last day on a rest day moves to the
/// next working day. Text: docs/statutes/renmin-tiaojie.md.
/// </summary>
public static class JudicialConfirmation
{
    public const int Days = 30;

    public const string Article = "《中华人民共和国人民调解法》第三十三条";

    /// <summary>The last day on which the joint application may be made. In a year whose holiday notice is not loaded yet
    /// (an agreement in December) the day is provisional: only weekends move it, and the calendar listener recomputes
    /// it when the year is entered.</summary>
    public static DateOnly LastDay(DateOnly effectiveOn, HolidayCalendar calendar) => calendar.NaturalPeriodEnd(effectiveOn, Days, provisional: true);

    public static bool IsProvisional(DateOnly effectiveOn, HolidayCalendar calendar) => !calendar.IsKnown(effectiveOn.AddDays(Days));

    /// <summary>Why an application may not be made (null when it may): one-sided, before the agreement took effect, or late.</summary>
    public static string? Refusal(DateOnly? effectiveOn, DateOnly appliedOn, bool jointly, HolidayCalendar calendar)
    {
        if (effectiveOn is not { } effective)
            return "调解协议尚未生效，不能申请司法确认";
        if (!jointly)
            return $"司法确认须由双方当事人共同申请（{Article}），一方当事人单独申请的不予办理";
        if (appliedOn < effective)
            return $"申请日期（{appliedOn:yyyy-MM-dd}）早于调解协议生效之日（{effective:yyyy-MM-dd}）";
        var last = LastDay(effective, calendar);
        if (appliedOn > last)
            return $"已超过申请期限：{Article}规定自调解协议生效之日起三十日内申请，协议于{effective:yyyy-MM-dd}生效，期限至{last:yyyy-MM-dd}届满";
        return null;
    }
}

/// <summary>Amounts involved (涉及金额): never negative, and nothing a committee could plausibly mediate above ¥10 亿.</summary>
public static class Amounts
{
    public const long MaxFen = 1_000_000_000L * 100;

    public static string? Problem(decimal? yuan) => yuan switch
    {
        null => null,
        < 0 => "涉及金额不能为负数",
        > MaxFen / 100 => "涉及金额超过10亿元，请核对（单位为元）",
        _ when decimal.Round(yuan.Value, 2) != yuan.Value => "涉及金额最多保留两位小数（元、角、分）",
        _ => null,
    };

    public static long ToFen(decimal? yuan) => yuan is { } y ? (long)(y * 100) : 0;

    public static decimal ToYuan(long fen) => fen / 100m;
}
