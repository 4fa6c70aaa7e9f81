using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Contracts;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Stats;

/// <summary>One period's figures (DOMAIN §2.5). 审查事项 = submitted in the period, by kind; 意见 = comments of opinions issued in
/// the period; 采纳率 = comments answered 采纳 or 部分采纳 ÷ comments answered; 规范性文件制发并备案 = published in the period,
/// reviewed and filed (政府 with the higher government, 部门 with the district government).</summary>
public sealed record LegalityFigures(
    int Submitted, IReadOnlyDictionary<string, int> ByKind, int Opinions, int Comments, int Answered, int Adopted, decimal? AdoptionRate,
    int GovernmentDocuments, int DepartmentDocuments, int FiledLate, int Evaluated, int ContractsReviewed, int ContractsFiled,
    int MajorDecisionsReviewed, int Rulings)
{
    /// <summary>议题 submitted in the period by 会议类型 (code → count; a 议题 recorded without one is in <see cref="ByKind"/> only).</summary>
    public IReadOnlyDictionary<string, int> ByMeeting { get; init; } = new Dictionary<string, int>();

    /// <summary>征求意见 submitted in the period by 来源.</summary>
    public IReadOnlyDictionary<string, int> BySource { get; init; } = new Dictionary<string, int>();

    /// <summary>Contracts whose review gave its opinion in the period and that are 重点项目 ([003]: 190 contracts, 67 重点签约落户项目).</summary>
    public int KeyProjectContractsReviewed { get; init; }
}

public sealed record LegalityChange(decimal? GovernmentDocuments, decimal? DepartmentDocuments, decimal? Submitted, decimal? ContractsFiled);

public sealed record LegalityStatsAnswer(string Org, string OrgName, string From, string To, LegalityFigures Current, string PreviousFrom, string PreviousTo,
    LegalityFigures Previous, LegalityChange Change)
{
    /// <summary>依法治区办 and 学法 figures (Stats/OfficeStats.cs).</summary>
    public OfficeStatsAnswer? Office { get; init; }
}

public sealed class LegalityStats(FazhiDb db, IRulingCounts rulings, OfficeStats office)
{
    internal async Task<LegalityStatsAnswer> ComputeAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previous = period.SamePeriodLastYear();
        var c = await FiguresAsync(path, period.From, period.To, ct);
        var p = await FiguresAsync(path, previous.From, previous.To, ct);
        return new LegalityStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", period.FromIso, period.ToIso, c, previous.FromIso, previous.ToIso, p,
            new LegalityChange(Percent.Change(c.GovernmentDocuments, p.GovernmentDocuments), Percent.Change(c.DepartmentDocuments, p.DepartmentDocuments),
                Percent.Change(c.Submitted, p.Submitted), Percent.Change(c.ContractsFiled, p.ContractsFiled)))
            { Office = await office.ComputeAsync(path, period, ct) };
    }

    private async Task<LegalityFigures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var matters = db.Matters().AsNoTracking().Where(m => db.OrgUnits.Any(o => o.Id == m.OrgUnitId && o.Path.StartsWith(path)));
        var submitted = matters.Where(m => m.SubmittedOn >= from && m.SubmittedOn <= to);
        var byKind = (await submitted.GroupBy(m => m.Kind).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key.ToString(), x => x.N);
        var byMeeting = (await submitted.Where(m => m.Kind == MatterKind.MeetingTopic && m.MeetingType != null).GroupBy(m => m.MeetingType)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key!.Value.ToString(), x => x.N);
        var bySource = (await submitted.Where(m => m.Kind == MatterKind.RequestForComment && m.CommentSource != null).GroupBy(m => m.CommentSource)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key!.Value.ToString(), x => x.N);
        var issued = matters.Where(m => m.OpinionIssuedOn >= from && m.OpinionIssuedOn <= to);
        var opinions = await issued.CountAsync(ct);
        var comments = issued.SelectMany(m => m.Comments);
        var commentCount = await comments.CountAsync(ct);
        var answered = await comments.CountAsync(c => c.Adoption != null, ct);
        var adopted = await comments.CountAsync(c => c.Adoption == Adoption.Adopted || c.Adoption == Adoption.PartlyAdopted, ct);
        var contractsReviewed = await issued.CountAsync(m => m.Kind == MatterKind.Contract, ct);
        var keyReviewed = await issued.CountAsync(m => m.Kind == MatterKind.Contract && db.LegContracts().Any(c => c.ReviewMatterId == m.Id && c.KeyProject), ct);
        var majorReviewed = await issued.CountAsync(m => m.Kind == MatterKind.MajorDecision, ct);

        var docs = db.NormativeDocuments().AsNoTracking().Where(d => db.OrgUnits.Any(o => o.Id == d.OrgUnitId && o.Path.StartsWith(path)));
        var published = docs.Where(d => d.PublishedOn >= from && d.PublishedOn <= to && d.FiledWithGovernmentOn != null);
        var gov = await published.CountAsync(d => d.Level == DocumentLevel.Government, ct);
        var dept = await published.CountAsync(d => d.Level == DocumentLevel.Department, ct);
        var late = await docs.CountAsync(d => (d.FiledWithGovernmentOn >= from && d.FiledWithGovernmentOn <= to && d.FiledWithGovernmentLate) ||
                                              (d.FiledWithCongressOn >= from && d.FiledWithCongressOn <= to && d.FiledWithCongressLate), ct);
        var evaluated = await docs.CountAsync(d => d.EvaluatedOn >= from && d.EvaluatedOn <= to, ct);
        var contractsFiled = await db.LegContracts().AsNoTracking()
            .CountAsync(c => c.FiledOn >= from && c.FiledOn <= to && db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)), ct);
        return new LegalityFigures(byKind.Values.Sum(), byKind, opinions, commentCount, answered, adopted, Percent.Of(adopted, answered),
            gov, dept, late, evaluated, contractsReviewed, contractsFiled, majorReviewed, await rulings.CountAsync(path, from, to, ct))
            { ByMeeting = byMeeting, BySource = bySource, KeyProjectContractsReviewed = keyReviewed };
    }
}

/// <summary>合法性审查 figures through the metric contract (the stats endpoint and page read <see cref="AnswerAsync"/>).</summary>
public sealed class LegalityMetricSource(LegalityStats stats, MetricCache cache, ICurrentUser user) : IMetricSource
{
    private const string Items = "件", Pct = "%";

    public string Module => ReviewServiceModule;

    private const string ReviewServiceModule = "legality";

    public string TablePrefix => "leg_";

    public string ReadPermission => LegalityPermissions.View;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("legality.submitted", "送审事项", Items, "期间内送审的合法性审查事项，按类别") { Dimensions = [MetricDimensions.Kind] },
        new("legality.meeting_topics", "常务会、专题会议题", Items, "期间内送审的会议议题，按会议类型（政府常务会议、专题会议、其他会议）") { Dimensions = [MetricDimensions.Category] },
        new("legality.requests_for_comment", "征求意见", Items, "期间内送审的征求意见事项，按来源（立法调研征求意见（法规规章草案）、上级规范性文件、配合部门、其他）") { Dimensions = [MetricDimensions.Category] },
        new("legality.opinions", "出具审核意见书", Items, "期间内出具的审核意见书"),
        new("legality.comments", "审查意见", "条", "期间内出具的意见书所含审查意见条数"),
        new("legality.answered", "已反馈意见", "条", "其中送审单位已反馈采纳情况的"),
        new("legality.adopted", "采纳意见", "条", "反馈为采纳或部分采纳的"),
        new("legality.adoption_rate", "意见采纳率", Pct, "采纳或部分采纳 ÷ 已反馈", Rollup.Ratio) { Numerator = "legality.adopted", Denominator = "legality.answered" },
        new("legality.government_documents", "政府规范性文件（审核并备案）", Items, "期间内公布、经合法性审核并已报备案的政府规范性文件"),
        new("legality.department_documents", "部门规范性文件（审核并备案）", Items, "期间内公布、经合法性审核并已报备案的部门规范性文件"),
        new("legality.filed_late", "逾期备案", Items, "期间内逾期报送的备案"),
        new("legality.evaluated", "后评估", Items, "期间内完成后评估的规范性文件"),
        new("legality.contracts_reviewed", "审查合同", Items, "期间内出具审核意见的合同"),
        new("legality.key_project_contracts_reviewed", "审查重点项目合同", Items, "期间内出具审核意见的合同中，登记为重点项目（重点签约落户项目）的"),
        new("legality.contracts_filed", "合同备案", Items, "期间内备案的合同"),
        new("legality.major_decisions", "重大行政决策合法性审查", Items, "期间内出具审核意见的重大行政决策"),
        new("legality.rulings", "12345裁定意见", Items, "期间内作出的12345疑难工单裁定意见（由12345模块提供）"),
        new("legality.office.tasks_due", "工作要点任务到期", "项", "完成时限在期间内的工作要点任务"),
        new("legality.office.tasks_done", "工作要点任务完成", "项", "期间内完成的工作要点任务"),
        new("legality.office.tasks_overdue", "工作要点任务超期", "项", "完成时限在期间内、未按期完成的任务（含逾期完成）"),
        new("legality.office.supervisions", "督办", "次", "期间内发出的督办通知"),
        new("legality.office.meetings", "依法治区会议", "次", "期间内召开的委员会、办公室、协调小组会议"),
        new("legality.office.inspections", "法治督察", "次", "期间内开展的书面和实地督察"),
        new("legality.office.rectifications", "督察整改事项", "项", "期间内督察提出的整改事项"),
        new("legality.office.rectifications_done", "整改完成", "项", "期间内完成的整改事项"),
        new("legality.office.law_reports", "述法", "人次", "期间内的领导干部述法"),
        new("legality.office.reports_required", "应公开年度报告", "份", "期间内应公开的上一年度法治政府建设年度报告"),
        new("legality.office.reports_published", "已公开年度报告", "份", "其中已公开的"),
        new("legality.office.publication_rate", "年度报告公开率", Pct, "已公开 ÷ 应公开", Rollup.Ratio)
            { Numerator = "legality.office.reports_published", Denominator = "legality.office.reports_required" },
        new("legality.study.sessions", "学法考法场次", "场", "期间内的常务会学法、理论中心组学法、任前法律知识考试、学法用法考试") { Dimensions = [MetricDimensions.Kind] },
        new("legality.study.pre_appointment_people", "任前法律知识考试人数", "人", "期间内参加任前法律知识考试的人数"),
        new("legality.study.person_times", "学法考法人次", "人次", "期间内各类学法考法的参加人次"),
    ];

    public Task<LegalityStatsAnswer> AnswerAsync(string? orgCode, Period period) =>
        cache.GetOrComputeAsync(TablePrefix, user, $"stats|{orgCode?.Trim()}|{period}", () => stats.ComputeAsync(orgCode, period, CancellationToken.None));

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var a = await AnswerAsync(orgCode, period);
        var (c, p) = (a.Current, a.Previous);
        return new MetricSet(a.Org, a.OrgName, period, period.SamePeriodLastYear(),
        [
            new("legality.submitted", c.Submitted, p.Submitted)
            {
                Parts = [.. Enum.GetValues<MatterKind>().Select(k => new MetricPart(MetricDimensions.Kind, k.ToString(), LegalityNames.Of(k),
                    c.ByKind.GetValueOrDefault(k.ToString()), p.ByKind.GetValueOrDefault(k.ToString())))],
                Records = "/legality/matters",
            },
            new("legality.meeting_topics", c.ByKind.GetValueOrDefault(nameof(MatterKind.MeetingTopic)), p.ByKind.GetValueOrDefault(nameof(MatterKind.MeetingTopic)))
            {
                Parts = [.. Enum.GetValues<MeetingType>().Select(t => new MetricPart(MetricDimensions.Category, t.ToString(), MatterDetails.Of(t),
                    c.ByMeeting.GetValueOrDefault(t.ToString()), p.ByMeeting.GetValueOrDefault(t.ToString())))],
                Records = "/legality/matters?kind=MeetingTopic",
            },
            new("legality.requests_for_comment", c.ByKind.GetValueOrDefault(nameof(MatterKind.RequestForComment)), p.ByKind.GetValueOrDefault(nameof(MatterKind.RequestForComment)))
            {
                Parts = [.. Enum.GetValues<CommentSource>().Select(s => new MetricPart(MetricDimensions.Category, s.ToString(), MatterDetails.Of(s),
                    c.BySource.GetValueOrDefault(s.ToString()), p.BySource.GetValueOrDefault(s.ToString())))],
                Records = "/legality/matters?kind=RequestForComment",
            },
            new("legality.opinions", c.Opinions, p.Opinions),
            new("legality.comments", c.Comments, p.Comments),
            new("legality.answered", c.Answered, p.Answered),
            new("legality.adopted", c.Adopted, p.Adopted),
            new("legality.adoption_rate", c.AdoptionRate, p.AdoptionRate),
            new("legality.government_documents", c.GovernmentDocuments, p.GovernmentDocuments),
            new("legality.department_documents", c.DepartmentDocuments, p.DepartmentDocuments),
            new("legality.filed_late", c.FiledLate, p.FiledLate),
            new("legality.evaluated", c.Evaluated, p.Evaluated),
            new("legality.contracts_reviewed", c.ContractsReviewed, p.ContractsReviewed),
            new("legality.key_project_contracts_reviewed", c.KeyProjectContractsReviewed, p.KeyProjectContractsReviewed) { Records = "/legality/contracts?keyProject=true" },
            new("legality.contracts_filed", c.ContractsFiled, p.ContractsFiled),
            new("legality.major_decisions", c.MajorDecisionsReviewed, p.MajorDecisionsReviewed),
            new("legality.rulings", c.Rulings, p.Rulings),
            new("legality.office.tasks_due", a.Office?.Current.TasksDue, a.Office?.Previous.TasksDue) { Records = "/legality/office/tasks" },
            new("legality.office.tasks_done", a.Office?.Current.TasksDone, a.Office?.Previous.TasksDone) { Records = "/legality/office/tasks?status=done" },
            new("legality.office.tasks_overdue", a.Office?.Current.TasksOverdue, a.Office?.Previous.TasksOverdue) { Records = "/legality/office/tasks?status=overdue" },
            new("legality.office.supervisions", a.Office?.Current.Supervisions, a.Office?.Previous.Supervisions),
            new("legality.office.meetings", a.Office?.Current.Meetings, a.Office?.Previous.Meetings) { Records = "/legality/office/meetings" },
            new("legality.office.inspections", a.Office?.Current.Inspections, a.Office?.Previous.Inspections) { Records = "/legality/office/inspections" },
            new("legality.office.rectifications", a.Office?.Current.Rectifications, a.Office?.Previous.Rectifications),
            new("legality.office.rectifications_done", a.Office?.Current.RectificationsDone, a.Office?.Previous.RectificationsDone),
            new("legality.office.law_reports", a.Office?.Current.LawReports, a.Office?.Previous.LawReports),
            new("legality.office.reports_required", a.Office?.Current.ReportsRequired, a.Office?.Previous.ReportsRequired),
            new("legality.office.reports_published", a.Office?.Current.ReportsPublished, a.Office?.Previous.ReportsPublished),
            new("legality.office.publication_rate", a.Office?.Current.PublicationRate, a.Office?.Previous.PublicationRate),
            new("legality.study.sessions", a.Office?.Current.StudySessions, a.Office?.Previous.StudySessions)
            {
                Parts = [.. Enum.GetValues<Domain.Office.StudyKind>().Select(k => new MetricPart(MetricDimensions.Kind, k.ToString(), Domain.Office.Names.Of(k),
                    a.Office?.Current.StudyByKind.GetValueOrDefault(k.ToString()), a.Office?.Previous.StudyByKind.GetValueOrDefault(k.ToString())))],
                Records = "/legality/study",
            },
            new("legality.study.pre_appointment_people", a.Office?.Current.PreAppointmentPeople, a.Office?.Previous.PreAppointmentPeople),
            new("legality.study.person_times", a.Office?.Current.PersonTimes, a.Office?.Previous.PersonTimes),
        ]);
    }
}
