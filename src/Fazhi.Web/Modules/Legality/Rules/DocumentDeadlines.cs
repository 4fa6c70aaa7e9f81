using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Rules;

/// <summary>
/// 规范性文件 deadlines, pure: 备案 within <see cref="LegalityOptions.FilingDays"/> days of publication (counted from the
/// next day; a last day on a rest day moves to the next working day, as 民事诉讼法第八十五条 counts periods), and 失效 the
/// day after 有效期 ends. The filing period's source: 法规规章备案审查条例 (2024) 第四条 (30 days for 法规、规章) and
/// 第二十五条 (other documents by provincial rules); the 30-day default is a setting (DOMAIN.md §5.6 ◐).
/// </summary>
public static class DocumentDeadlines
{
    public const string FileGovernment = "file-government";
    public const string FileCongress = "file-congress";
    public const string Expiry = "expiry";

    public static DateOnly FilingDue(DateOnly publishedOn, int days, HolidayCalendar calendar) =>
        calendar.NaturalPeriodEnd(publishedOn, days, provisional: true);

    public static IReadOnlyList<DeadlineSpec> Compute(NormativeDocument d, int filingDays, HolidayCalendar calendar)
    {
        var list = new List<DeadlineSpec>();
        if (d.PublishedOn is not { } published)
            return list;
        var due = FilingDue(published, filingDays, calendar);
        var target = d.Level == DocumentLevel.Government ? "上一级人民政府" : "本级人民政府";
        var why = $"自{HolidayFile.Iso(published)}公布之次日起{filingDays}日内报送备案（法规规章备案审查条例第四条、第二十五条；本地设置），至{HolidayFile.Iso(due)}；逾期报送的照收并标注逾期";
        list.Add(new DeadlineSpec(FileGovernment, $"报{target}备案", due,
            d.FiledWithGovernmentOn is not null || !d.InForce ? DeadlineStatus.Completed : DeadlineStatus.Open, why));
        if (d.Level == DocumentLevel.Government)
            list.Add(new DeadlineSpec(FileCongress, "报本级人大常委会备案", due,
                d.FiledWithCongressOn is not null || !d.InForce ? DeadlineStatus.Completed : DeadlineStatus.Open, why));
        if (d.ValidUntil is { } until)
            list.Add(new DeadlineSpec(Expiry, "有效期届满", until, d.InForce ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"有效期至{HolidayFile.Iso(until)}，届满次日自动失效；需继续施行的应在届满前评估并重新公布"));
        return list;
    }
}
