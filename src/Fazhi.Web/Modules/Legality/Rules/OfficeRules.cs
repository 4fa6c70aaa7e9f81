using System.Globalization;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain.Office;

namespace Fazhi.Web.Modules.Legality.Rules;

/// <summary>依法治区办 and 学法 settings (section <c>Legality:Office</c>).</summary>
public sealed class OfficeOptions
{
    /// <summary>普法 five-year periods. 七五 2016–2020 and 八五 2021–2025 are the central plans (中共中央、国务院转发的
    /// 中央宣传部、司法部关于开展法治宣传教育的第七个/第八个五年规划); 九五 2026–2030 follows the same rhythm and is a setting
    /// until its plan is published.</summary>
    public List<PufaPeriod> PufaPeriods { get; set; } =
    [
        new() { Name = "七五", From = 2016, To = 2020 },
        new() { Name = "八五", From = 2021, To = 2025 },
        new() { Name = "九五", From = 2026, To = 2030 },
    ];

    /// <summary>法治政府建设年度报告 are published by this month-day of the year after the report year: 《法治政府建设与责任落实
    /// 督察工作规定》(厅字〔2019〕28号) 第二十四条 "每年4月1日之前……应当通过报刊、网站等新闻媒体向社会公开" (docs/statutes/fazhi-ducha-pufa.md);
    /// default 04-01, read as the last day in time.</summary>
    public string ReportPublishBy { get; set; } = "04-01";

    /// <summary>满分 of the 考核 (百分制): the active indicators a unit is scored on (部门: 部门和镇街 + 部门; 镇街: 部门和镇街 +
    /// 镇街) may not add up to more. No statute sets it — it is the local 考核办法's; 0 or less switches the check off.</summary>
    public decimal IndicatorTotal { get; set; } = 100;

    /// <summary>督办通知 文号 ({prefix}: the bureau's short name, e.g. 环翠; numbered per office and year).</summary>
    public string NoticeNumberPattern { get; set; } = "{prefix}依法治办督〔{year}〕{seq}号";

    /// <summary>Working days the owner has to reply to a 督办通知 in writing, when the office sets no date.</summary>
    public int NoticeReplyWorkingDays { get; set; } = 5;

    /// <summary>The issuer printed on the 督办通知; empty: 中共{district}委全面依法治区委员会办公室.</summary>
    public string? NoticeIssuer { get; set; }
}

public sealed class PufaPeriod
{
    public string Name { get; set; } = "";
    public int From { get; set; }
    public int To { get; set; }

    public DateOnly Start => new(From, 1, 1);

    public DateOnly End => new(To, 12, 31);
}

/// <summary>Pure rules of the office's work: quarters, ranking, 普法 periods, deadlines of tasks, rectifications and reports.</summary>
public static class OfficeRules
{
    public const string TaskDue = "task-due";
    public const string RectificationDue = "rectify-";
    public const int MaxYear = 2100, MinYear = 2000;

    public static int QuarterOf(DateOnly d) => (d.Month - 1) / 3 + 1;

    public static (DateOnly From, DateOnly To) QuarterRange(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }

    /// <summary>The quarter before (year, quarter), for 环比.</summary>
    public static (int Year, int Quarter) PreviousQuarter(int year, int quarter) => quarter == 1 ? (year - 1, 4) : (year, quarter - 1);

    /// <summary>Scores ranked high to low; equal totals share a rank and the next rank skips (1, 2, 2, 4), ties listed by name.</summary>
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<(int UnitId, string Name, decimal Total)> totals) =>
        [.. totals.OrderByDescending(t => t.Total).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select((t, i) => (t, i))
            .GroupBy(x => x.t.Total)
            .SelectMany(g => { var rank = g.Min(x => x.i) + 1; return g.Select(x => new RankedUnit(rank, x.t.UnitId, x.t.Name, x.t.Total)); })];

    /// <summary>A score must lie within 0 and the indicator's 分值; null when it does, else the Chinese refusal.</summary>
    public static string? CheckScore(decimal score, decimal max) =>
        score < 0 ? "得分不能为负数" : score > max ? $"得分{score.ToString("0.#", CultureInfo.InvariantCulture)}超过该项分值{max.ToString("0.#", CultureInfo.InvariantCulture)}" : null;

    public static PufaPeriod? PeriodContaining(IEnumerable<PufaPeriod> periods, DateOnly d) => periods.FirstOrDefault(p => p.From <= d.Year && d.Year <= p.To);

    public static PufaPeriod? PeriodNamed(IEnumerable<PufaPeriod> periods, string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : periods.FirstOrDefault(p => p.Name == name.Trim() || p.Name + "普法" == name.Trim());

    /// <summary>The last day to publish the report of <paramref name="reportYear"/> (the next year, on <see cref="OfficeOptions.ReportPublishBy"/>).</summary>
    public static DateOnly PublishDue(int reportYear, string monthDay)
    {
        var parts = monthDay.Split('-');
        return new DateOnly(reportYear + 1, int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>A task's deadline: open until done; the expiry handler posts a 站内消息 to the owner and the office.</summary>
    public static IReadOnlyList<DeadlineSpec> TaskDeadlines(PlanTask t) =>
    [
        new(TaskDue, "工作要点任务完成时限", t.DueOn, t.Status == PlanTaskStatus.Done ? DeadlineStatus.Completed : DeadlineStatus.Open,
            $"依法治区委员会年度工作要点确定的完成时限 {HolidayFile.Iso(t.DueOn)}；逾期未完成的列入督办"),
    ];

    /// <summary>Each 整改事项's own deadline.</summary>
    public static IReadOnlyList<DeadlineSpec> RectificationDeadlines(OfficeInspection i) =>
    [
        .. i.Items.Select(x => new DeadlineSpec(RectificationDue + x.Seq, $"督察整改第{x.Seq}项", x.DueOn,
            x.DoneOn is null ? DeadlineStatus.Open : DeadlineStatus.Completed, $"法治督察（{Names.Of(i.Kind)}）确定的整改时限 {HolidayFile.Iso(x.DueOn)}")),
    ];
}

public static class IndicatorRules
{
    /// <summary>Whether an indicator of <paramref name="scope"/> is scored on a unit of <paramref name="kind"/> (镇街 are towns;
    /// every other unit assessed is a department).</summary>
    public static bool Applies(IndicatorScope scope, Kernel.Orgs.OrgKind kind) =>
        scope == IndicatorScope.All || (scope == IndicatorScope.Towns) == (kind == Kernel.Orgs.OrgKind.Town);

    /// <summary>The 满分 a department and a town are scored out of, from the indicators a quarter is scored on.</summary>
    public static (decimal Departments, decimal Towns) Totals(IEnumerable<(IndicatorScope Scope, decimal Max)> inForce)
    {
        decimal d = 0, t = 0;
        foreach (var (scope, max) in inForce)
        {
            if (scope != IndicatorScope.Towns)
                d += max;
            if (scope != IndicatorScope.Departments)
                t += max;
        }
        return (d, t);
    }

    /// <summary>The 满分 of one quarter: the larger of the 部门 and 镇街 totals of the indicators it is scored on.</summary>
    public static decimal QuarterTotal(IEnumerable<AssessmentIndicator> set, int quarter)
    {
        var (d, t) = Totals(set.Where(i => i.AppliesIn(quarter)).Select(i => (i.AppliesTo, i.MaxScore)));
        return Math.Max(d, t);
    }

    /// <summary>Refuses a set that, in any quarter, scores a department or a town out of more than the 满分
    /// (<paramref name="required"/>; no check when 0 or less): null when it fits, else the Chinese reason.</summary>
    public static string? CheckTotal(IReadOnlyCollection<AssessmentIndicator> set, decimal required)
    {
        if (required <= 0)
            return null;
        string F(decimal v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        for (var q = 1; q <= 4; q++)
        {
            var (d, t) = Totals(set.Where(i => i.AppliesIn(q)).Select(i => (i.AppliesTo, i.MaxScore)));
            if (d > required)
                return $"部门适用的指标分值合计{F(d)}分，超过满分{F(required)}分";
            if (t > required)
                return $"镇街适用的指标分值合计{F(t)}分，超过满分{F(required)}分";
        }
        return null;
    }

    /// <summary>A 督办通知 goes to a task that is 超期 or 即将到期 on the day it is issued; null for a task on track.</summary>
    public static string? NoticeState(DeadlineState state) => state switch
    {
        DeadlineState.Overdue => "超期",
        DeadlineState.DueSoon => "即将到期",
        _ => null,
    };

    /// <summary>A 文号 from its pattern.</summary>
    public static string Number(string pattern, string prefix, int year, int seq) =>
        pattern.Replace("{prefix}", prefix, StringComparison.Ordinal).Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{seq}", seq.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

public sealed record RankedUnit(int Rank, int UnitId, string Name, decimal Total);
