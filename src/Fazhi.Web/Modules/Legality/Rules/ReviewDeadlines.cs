using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Rules;

/// <summary>
/// Settings of the module (configuration section <c>Legality</c>). Review periods are in working days per kind; a
/// province may set its own (<c>Legality:Provinces:370000:ReviewWorkingDays:Contract</c>), found by the first code of
/// the submitting unit's path. Status of each default (DOMAIN.md §5.6):
/// <list type="bullet">
/// <item>重大行政决策: ✅ 重大行政决策程序暂行条例 (2019) 第二十六条 "应当保证必要的审查时间，一般不少于7个工作日" — a floor:
/// a setting below 7 is raised to 7.</item>
/// <item>规范性文件: ◐ local (国办发〔2018〕37号 not verified here); default 15 working days, the upper end of the common
/// "5–15 working days".</item>
/// <item>合同, 议题, 批办件, 征求意见, 公平竞争审查, 其他: ❓ no national rule; local defaults.</item>
/// </list>
/// </summary>
public sealed class LegalityOptions
{
    public Dictionary<string, int> ReviewWorkingDays { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Overrides per province code (370000 …).</summary>
    public Dictionary<string, ProvinceRules> Provinces { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>送审单位 answers adoption within this many working days of the opinion (◐ local; default 10).</summary>
    public int AdoptionWorkingDays { get; set; } = 10;

    /// <summary>规范性文件 filed within this many days of publication (◐ local settings; 法规规章备案审查条例 第四条 gives 30
    /// days for 法规/规章 and 第二十五条 leaves other documents to provincial rules; default 30).</summary>
    public int FilingDays { get; set; } = 30;

    /// <summary>有效期 when the publisher gives none (◐ common provincial rule: at most 5 years).</summary>
    public int DefaultValidityYears { get; set; } = 5;

    /// <summary>审查编号 pattern: {prefix} the bureau's short name, {year}, {seq}.</summary>
    public string NumberPattern { get; set; } = "{prefix}法审〔{year}〕{seq}号";

    public string OpinionNumberPattern { get; set; } = "{prefix}法审意〔{year}〕{seq}号";
}

public sealed class ProvinceRules
{
    public Dictionary<string, int> ReviewWorkingDays { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A review period as configured, with where it comes from (shown in the explanation).</summary>
public sealed record ReviewPeriod(int WorkingDays, string Source);

/// <summary>
/// The deadlines of a 合法性审查事项, pure. The review period runs from the day after 收件 in working days of the
/// holiday calendar (调休 Saturdays count, holidays do not); the days after a 补充材料 notice up to and including the day the
/// materials arrive are not counted (the clock pauses, it does not restart); while materials are awaited the deadline is
/// shown as paused and computed as if they arrived today.
/// </summary>
public static class ReviewDeadlines
{
    public const string Review = "review";
    public const string Adoption = "adoption";

    /// <summary>重大行政决策程序暂行条例第二十六条: not less than 7 working days.</summary>
    public const int MajorDecisionFloor = 7;

    public static readonly IReadOnlyDictionary<MatterKind, int> Defaults = new Dictionary<MatterKind, int>
    {
        [MatterKind.NormativeDocument] = 15,
        [MatterKind.Contract] = 5,
        [MatterKind.MajorDecision] = MajorDecisionFloor,
        [MatterKind.MeetingTopic] = 3,
        [MatterKind.LeaderInstruction] = 5,
        [MatterKind.RequestForComment] = 5,
        [MatterKind.FairCompetition] = 15,
        [MatterKind.Other] = 10,
    };

    public static string StatusOf(MatterKind k) => k switch
    {
        MatterKind.MajorDecision => "重大行政决策程序暂行条例第二十六条，不少于7个工作日",
        MatterKind.NormativeDocument => "地方规定（可按省设置）",
        _ => "本地设置",
    };

    /// <summary>The period for a kind in a province (province code = the first code of the unit's path).</summary>
    public static ReviewPeriod PeriodFor(MatterKind kind, string? provinceCode, LegalityOptions options)
    {
        int? days = null;
        var source = "默认";
        if (provinceCode is not null && options.Provinces.TryGetValue(provinceCode, out var p) && p.ReviewWorkingDays.TryGetValue(kind.ToString(), out var pd))
            (days, source) = (pd, $"省级设置{provinceCode}");
        else if (options.ReviewWorkingDays.TryGetValue(kind.ToString(), out var d))
            (days, source) = (d, "本地设置");
        var n = days ?? Defaults[kind];
        if (kind == MatterKind.MajorDecision && n < MajorDecisionFloor)
            (n, source) = (MajorDecisionFloor, "设置低于法定下限，按7个工作日");
        return new ReviewPeriod(Math.Max(1, n), source);
    }

    /// <summary>The last day of a review of <paramref name="workingDays"/> from <paramref name="receivedOn"/>, skipping the
    /// paused days (after each pause's start, up to and including its end; an open pause up to and including today).</summary>
    public static (DateOnly Due, int PausedWorkingDays) Due(DateOnly receivedOn, int workingDays, IReadOnlyList<(DateOnly From, DateOnly? To)> pauses,
        HolidayCalendar calendar, DateOnly today)
    {
        var day = receivedOn;
        var counted = 0;
        var paused = 0;
        for (var guard = 0; counted < workingDays && guard < 3660; guard++)
        {
            day = day.AddDays(1);
            if (!calendar.IsWorkingDay(day, provisional: true))
                continue;
            if (pauses.Any(p => day > p.From && day <= (p.To ?? (today < p.From ? p.From : today))))
            {
                paused++;
                continue;
            }
            counted++;
        }
        return (day, paused);
    }

    public static IReadOnlyList<DeadlineSpec> Compute(ReviewMatter m, ReviewPeriod period, int adoptionWorkingDays, HolidayCalendar calendar, DateOnly today)
    {
        var list = new List<DeadlineSpec>();
        if (m.ReceivedOn is not { } received)
            return list;
        var pauses = m.Pauses.Select(p => (p.From, p.To)).ToList();
        var (due, paused) = Due(received, period.WorkingDays, pauses, calendar, today);
        var status = m.Status switch
        {
            MatterStatus.AwaitingMaterials => DeadlineStatus.Paused,
            MatterStatus.Received or MatterStatus.Reviewing => DeadlineStatus.Open,
            _ => DeadlineStatus.Completed,
        };
        var why = $"自{Iso(received)}收件之次日起{period.WorkingDays}个工作日（{LegalityNames.Of(m.Kind)}：{StatusOf(m.Kind)}；{period.Source}）";
        if (pauses.Count > 0)
            why += $"，补充材料期间{paused}个工作日不计入（" + string.Join("、", pauses.Select(p => $"{Iso(p.From)}通知至{(p.To is { } t ? Iso(t) : "今")}收到")) + "）";
        why += $"，至{Iso(due)}";
        if (status == DeadlineStatus.Paused)
            why += "；补充材料期间暂停计时，按今日收到材料推算";
        list.Add(new DeadlineSpec(Review, "合法性审查", due, status, why));

        if (m.OpinionIssuedOn is { } issued && m.Comments.Count > 0)
        {
            var adoptionDue = calendar.AddWorkingDays(issued, adoptionWorkingDays, provisional: true);
            var answered = m.Comments.All(c => c.Adoption is not null) || m.Status is MatterStatus.Closed or MatterStatus.Withdrawn;
            list.Add(new DeadlineSpec(Adoption, "反馈采纳情况", adoptionDue, answered ? DeadlineStatus.Completed : DeadlineStatus.Open,
                $"自{Iso(issued)}出具意见书之次日起{adoptionWorkingDays}个工作日内反馈采纳情况（本地设置），至{Iso(adoptionDue)}"));
        }
        return list;
    }

    private static string Iso(DateOnly d) => HolidayFile.Iso(d);
}
