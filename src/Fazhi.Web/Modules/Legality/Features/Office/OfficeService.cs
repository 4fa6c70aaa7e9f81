using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Messages;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Legality.Features.Office;

public sealed record TaskRequest(string? Title, string? Detail, string? OwnerCode, DateOnly? DueOn, int? Year = null, string? OfficeCode = null);

public sealed record TaskEntryRequest(DateOnly? On, string? Text, int? Progress = null);

public sealed record IndicatorRequest(int? Year, string? Name, decimal? MaxScore, string? Evidence, int? Seq = null, string? OfficeCode = null, string? AppliesTo = null);

public sealed record ScoreLine(long? IndicatorId, decimal? Score, string? Note);

public sealed record ScoreRequest(string? OrgCode, int? Year, int? Quarter, IReadOnlyList<ScoreLine>? Scores, DateOnly? On = null);

public sealed record MeetingRequest(string? Kind, string? Title, DateOnly? HeldOn, string? Place, string? Attendees, string? Agenda, IReadOnlyList<string>? Decisions,
    string? OfficeCode = null);

public sealed record RectificationInput(string? Text, DateOnly? DueOn);

public sealed record InspectionRequest(string? Kind, string? Title, string? OrgCode, DateOnly? HeldOn, string? Findings, IReadOnlyList<RectificationInput>? Items,
    string? OfficeCode = null);

public sealed record RectifyRequest(DateOnly? On, string? Result);

public sealed record LawReportRequest(string? OrgCode, string? Person, string? Position, string? Occasion, DateOnly? On, string? Evaluation);

public sealed record AnnualReportRequest(string? OrgCode, int? Year, DateOnly? SubmittedOn, DateOnly? PublishedOn, string? Url);

public sealed record StudyRequest(string? Kind, string? Title, DateOnly? HeldOn, int? Participants, int? Passed, string? Names, string? OrgCode = null);

/// <summary>The 依法治区办's commands: 工作要点 and 督办, 考核, meetings, 督察 and 整改, 述法, 年度报告, 学法. Each is one SaveChanges
/// (one transaction), its timers synchronised in the same unit of work.</summary>
public sealed class OfficeService(FazhiDb db, TimerSync timers, IMessages messages, IOptions<OfficeOptions> options)
{
    public const string TaskModule = "legality-task";
    public const string InspectionModule = "legality-inspection";
    public const string MessageModule = "legality";

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    public OfficeOptions Options => options.Value;

    // ---- shared checks

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, string message, int max)
    {
        if (Clean(value) is not { } v)
            errors[field] = [message];
        else if (v.Length > max)
            errors[field] = [$"不能超过{max}个字"];
    }

    private static void Throw(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
    }

    private DateOnly CheckDate(Dictionary<string, string[]> errors, string field, DateOnly? on, bool notFuture = true)
    {
        var d = on ?? Today;
        if (notFuture && d > Today)
            errors[field] = ["日期不能晚于今天"];
        if (d.Year < OfficeRules.MinYear || d.Year > OfficeRules.MaxYear)
            errors[field] = ["日期超出范围"];
        return d;
    }

    /// <summary>A unit named by its code, within the caller's scope.</summary>
    private async Task<OrgEntry?> UnitAsync(Dictionary<string, string[]> errors, string field, string? code, bool required, CancellationToken ct)
    {
        if (Clean(code) is not { } c)
        {
            if (!required && db.Actor.OrgUnitId is { } own)
                return await db.Orgs.GetAsync(own, ct);
            errors[field] = ["请选择单位"];
            return null;
        }
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct);
        if (unit is null)
        {
            errors[field] = [$"单位“{c}”不存在或不在您的数据权限范围内"];
            return null;
        }
        return await db.Orgs.GetAsync(unit.Id, ct);
    }

    // ---- 工作要点

    public async Task<PlanTask> CreateTaskAsync(TaskRequest r, CancellationToken ct, MeetingDecision? from = null)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "title", r.Title, "请填写任务内容", 200);
        if (Clean(r.Detail)?.Length > 2000)
            errors["detail"] = ["不能超过2000个字"];
        var owner = await UnitAsync(errors, "ownerCode", r.OwnerCode, required: true, ct);
        var office = await UnitAsync(errors, "officeCode", r.OfficeCode, required: false, ct);
        if (r.DueOn is null)
            errors["dueOn"] = ["请填写完成时限"];
        var year = r.Year ?? Today.Year; // the year of the 工作要点 it belongs to (a task may fall due the next year)
        if (year < OfficeRules.MinYear || year > OfficeRules.MaxYear)
            errors["year"] = ["年度超出范围"];
        Throw(errors);
        var seq = (await db.PlanTasks().ForUniquenessCheck().Where(t => t.OfficeOrgUnitId == office!.Id && t.Year == year).MaxAsync(t => (int?)t.Seq, ct) ?? 0) + 1;
        var t = new PlanTask
        {
            OrgUnitId = owner!.Id, OfficeOrgUnitId = office!.Id, Year = year, Seq = seq, Title = r.Title!.Trim(), Detail = Clean(r.Detail),
            DueOn = r.DueOn!.Value, MeetingDecisionId = from?.Id,
        };
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.PlanTasks().Add(t);
        await db.SaveChangesAsync(ct);
        if (from is not null)
            from.TaskId = t.Id;
        await timers.SyncAsync(TaskModule, t.Id, t.OrgUnitId, OfficeRules.TaskDeadlines(t), ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return t;
    }

    public async Task<PlanTask> GetTaskAsync(long id, CancellationToken ct) =>
        await db.PlanTasks().Include(t => t.Entries.OrderBy(e => e.AtUtc)).FirstOrDefaultAsync(t => t.Id == id, ct)
        ?? throw new NotFoundException($"工作要点任务（编号{id}）不存在或不在您的数据权限范围内。");

    /// <summary>进展报告 (owner), 督办 (office; a 督办通知 goes to the owner's staff) or 办结.</summary>
    public async Task<PlanTask> TaskEntryAsync(long id, PlanTaskEntryKind kind, TaskEntryRequest r, CancellationToken ct)
    {
        var t = await GetTaskAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        var on = CheckDate(errors, "on", r.On);
        var text = Clean(r.Text) ?? (kind == PlanTaskEntryKind.Completion ? "任务已完成" : null);
        if (text is null)
            errors["text"] = [kind == PlanTaskEntryKind.Supervision ? "请填写督办要求" : "请填写进展情况"];
        else if (text.Length > 2000)
            errors["text"] = ["不能超过2000个字"];
        if (r.Progress is < 0 or > 100)
            errors["progress"] = ["完成进度应在0至100之间"];
        Throw(errors);
        t.Add(kind, on, text!, kind == PlanTaskEntryKind.Report ? r.Progress : null, db.Actor.UserName, NowUtc);
        await timers.SyncAsync(TaskModule, t.Id, t.OrgUnitId, OfficeRules.TaskDeadlines(t), ct);
        if (kind == PlanTaskEntryKind.Supervision)
            await messages.SendToHoldersAsync(MessageModule, LegalityPermissions.OfficeReport, t.OrgUnitId, $"督办通知：{t.Title}",
                $"依法治区办于{on:yyyy-MM-dd}对该项工作要点任务进行第{t.Supervisions}次督办：{text}（完成时限{t.DueOn:yyyy-MM-dd}）", $"/legality/office/tasks/{t.Id}", ct);
        await db.SaveChangesAsync(ct);
        return t;
    }

    // ---- 考核

    public async Task<AssessmentIndicator> AddIndicatorAsync(IndicatorRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "name", r.Name, "请填写指标名称", 200);
        if (r.MaxScore is not { } max)
            errors["maxScore"] = ["请填写分值"];
        else if (max < 0)
            errors["maxScore"] = ["分值不能为负数"];
        else if (max == 0 || max > 1000)
            errors["maxScore"] = ["分值应大于0且不超过1000"];
        if (Clean(r.Evidence)?.Length > 500)
            errors["evidence"] = ["不能超过500个字"];
        var scope = ParseScope(errors, r.AppliesTo) ?? IndicatorScope.All;
        var year = r.Year ?? Today.Year;
        if (year < OfficeRules.MinYear || year > OfficeRules.MaxYear)
            errors["year"] = ["年度超出范围"];
        var office = await UnitAsync(errors, "officeCode", r.OfficeCode, required: false, ct);
        Throw(errors);
        var set = await db.Indicators().Where(i => i.OrgUnitId == office!.Id && i.Year == year).ToListAsync(ct);
        // An indicator added after a quarter was scored is scored from the next quarter: the quarters already scored keep their set.
        var from = await LastScoredQuarterAsync(set, ct) + 1;
        if (from > 4)
            errors["year"] = [$"{year}年度四个季度均已评分，不能再新增指标"];
        var i = new AssessmentIndicator
        {
            OrgUnitId = office!.Id, Year = year, Name = r.Name!.Trim(), MaxScore = r.MaxScore!.Value, Evidence = Clean(r.Evidence), AppliesTo = scope, FromQuarter = Math.Min(from, 4),
        };
        CheckSet(errors, set, i, "maxScore");
        Throw(errors);
        i.Seq = r.Seq ?? (set.Count == 0 ? 0 : set.Max(x => x.Seq)) + 1;
        if (set.Any(x => x.Seq == i.Seq))
            throw FazhiValidationException.For("seq", $"{year}年度已有第{i.Seq}项指标");
        db.Indicators().Add(i);
        await db.SaveChangesAsync(ct);
        return i;
    }

    private async Task<int> LastScoredQuarterAsync(List<AssessmentIndicator> set, CancellationToken ct)
    {
        var ids = set.Select(x => x.Id).ToList();
        return await db.Scores().Where(s => ids.Contains(s.IndicatorId)).MaxAsync(s => (int?)s.Quarter, ct) ?? 0;
    }

    private static IndicatorScope? ParseScope(Dictionary<string, string[]> errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Names.Parse<IndicatorScope>(text) is { } s)
            return s;
        errors["appliesTo"] = ["适用对象应为“部门和镇街”“部门”或“镇街”"];
        return null;
    }

    /// <summary>The checks of an indicator (as it would be) against the rest of its year's set: no two of the same name,
    /// and every quarter's set within the 满分 (<see cref="OfficeOptions.IndicatorTotal"/>).</summary>
    private void CheckSet(Dictionary<string, string[]> errors, List<AssessmentIndicator> set, AssessmentIndicator candidate, string totalField)
    {
        var others = set.Where(x => x.Id == 0 || x.Id != candidate.Id).Where(x => !ReferenceEquals(x, candidate)).ToList();
        if (others.Any(x => string.Equals(x.Name.Trim(), candidate.Name, StringComparison.OrdinalIgnoreCase)))
            errors["name"] = [$"{candidate.Year}年度已有名为“{candidate.Name}”的指标"];
        if (!errors.ContainsKey(totalField) && IndicatorRules.CheckTotal([.. others, candidate], Options.IndicatorTotal) is { } why)
            errors[totalField] = [why];
    }

    /// <summary>Edits an indicator. Once a unit has been scored on it, its name, 分值 and 适用对象 are fixed: changing them
    /// would silently rewrite the quarters already scored (their 满分, the meaning of their scores, the ranking read off
    /// them). The office disables it (the quarters scored keep it) and adds a new one; the 佐证材料要求 stays editable.</summary>
    public async Task<AssessmentIndicator> UpdateIndicatorAsync(long id, IndicatorRequest r, bool? active, CancellationToken ct)
    {
        var i = await db.Indicators().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"考核指标（编号{id}）不存在或不在您的数据权限范围内。");
        var errors = new Dictionary<string, string[]>();
        if (r.Name is not null)
            Require(errors, "name", r.Name, "请填写指标名称", 200);
        if (r.MaxScore is < 0)
            errors["maxScore"] = ["分值不能为负数"];
        else if (r.MaxScore is { } max && (max == 0 || max > 1000))
            errors["maxScore"] = ["分值应大于0且不超过1000"];
        if (Clean(r.Evidence)?.Length > 500)
            errors["evidence"] = ["不能超过500个字"];
        var scope = ParseScope(errors, r.AppliesTo);
        var name = Clean(r.Name) ?? i.Name;
        var newMax = r.MaxScore ?? i.MaxScore;
        var newScope = scope ?? i.AppliesTo;
        var scores = await db.Scores().Where(s => s.IndicatorId == id).Select(s => s.Quarter).ToListAsync(ct);
        if (scores.Count > 0)
        {
            var why = $"该指标已用于评分（{scores.Count}项得分），修改后将改变已评季度的得分口径和排名；如需调整，请停用该指标后新增指标";
            if (name != i.Name)
                errors["name"] = [why];
            if (newMax != i.MaxScore)
                errors["maxScore"] = [why];
            if (newScope != i.AppliesTo)
                errors["appliesTo"] = [why];
        }
        Throw(errors);
        var set = await db.Indicators().Where(x => x.OrgUnitId == i.OrgUnitId && x.Year == i.Year).ToListAsync(ct);
        var candidate = new AssessmentIndicator
        {
            Id = i.Id, OrgUnitId = i.OrgUnitId, Year = i.Year, Seq = i.Seq, Name = name, MaxScore = newMax, AppliesTo = newScope, FromQuarter = i.FromQuarter,
            UntilQuarter = i.UntilQuarter, IsActive = i.IsActive,
        };
        var totalField = "maxScore";
        if (active == false && i.IsActive)
        {
            candidate.IsActive = false;
            candidate.UntilQuarter = Math.Max(candidate.FromQuarter, (scores.Count == 0 ? 0 : scores.Max()) + 1);
        }
        else if (active == true && !i.IsActive)
        {
            totalField = "active";
            var last = await LastScoredQuarterAsync(set, ct);
            if (last >= i.UntilQuarter)
                errors["active"] = [$"第{last}季度已按停用后的指标评分，不能重新启用该指标，请新增指标"];
            candidate.IsActive = true;
            candidate.UntilQuarter = null;
        }
        CheckSet(errors, set, candidate, totalField);
        Throw(errors);
        i.Name = name;
        i.MaxScore = newMax;
        i.AppliesTo = newScope;
        i.IsActive = candidate.IsActive;
        i.UntilQuarter = candidate.UntilQuarter;
        if (r.Evidence is not null)
            i.Evidence = Clean(r.Evidence);
        await db.SaveChangesAsync(ct);
        return i;
    }

    /// <summary>The indicator set of a year. Departments read the set of their district's office to see what they are
    /// scored on (跨机构协作: the office publishes it to every unit it assesses): an indicator is visible when its office
    /// is in the caller's scope, or the office's district contains the caller's scope.</summary>
    public Task<List<AssessmentIndicator>> IndicatorsAsync(int year, CancellationToken ct) => VisibleIndicatorsAsync(db, year, ct);

    public static async Task<List<AssessmentIndicator>> VisibleIndicatorsAsync(FazhiDb db, int year, CancellationToken ct)
    {
        var rows = await db.Indicators().ForJointWork().AsNoTracking().Where(i => i.Year == year)
            .Join(db.OrgUnits.WholeOrgTree(), i => i.OrgUnitId, o => o.Id, (i, o) => new { Indicator = i, o.Path }).ToListAsync(ct);
        var scope = db.Actor.Scope;
        return [.. rows.Where(r => scope.IsAll || r.Path.StartsWith(scope.PathPrefix, StringComparison.Ordinal)
                || scope.PathPrefix.StartsWith(r.Path[..(r.Path.TrimEnd('/').LastIndexOf('/') + 1)], StringComparison.Ordinal))
            .Select(r => r.Indicator).OrderBy(i => i.Seq)];
    }

    /// <summary>Scores one unit for one quarter on the given indicators (upsert): all lines checked first, nothing written
    /// when one is wrong.</summary>
    public async Task<List<AssessmentScore>> ScoreAsync(ScoreRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = await UnitAsync(errors, "orgCode", r.OrgCode, required: true, ct);
        if (r.Year is not { } year || year < OfficeRules.MinYear || year > OfficeRules.MaxYear)
        {
            errors["year"] = ["请填写考核年度"];
            year = 0;
        }
        if (r.Quarter is not (>= 1 and <= 4))
            errors["quarter"] = ["季度应为1至4"];
        if (r.Scores is not { Count: > 0 })
            errors["scores"] = ["请至少填写一项指标得分"];
        var on = CheckDate(errors, "on", r.On);
        Throw(errors);
        var indicators = (await IndicatorsAsync(year, ct)).ToDictionary(i => i.Id);
        var existing = await db.Scores().Where(s => s.OrgUnitId == unit!.Id && s.Year == year && s.Quarter == r.Quarter).ToListAsync(ct);
        for (var n = 0; n < r.Scores!.Count; n++)
        {
            var line = r.Scores[n];
            if (line.IndicatorId is not { } iid || !indicators.TryGetValue(iid, out var ind))
                errors[$"scores[{n}].indicatorId"] = [$"{year}年度没有编号为{line.IndicatorId}的考核指标"];
            else if (!IndicatorRules.Applies(ind.AppliesTo, unit!.Kind))
                errors[$"scores[{n}].indicatorId"] = [$"“{ind.Name}”只适用于{Names.Of(ind.AppliesTo)}，不考核{unit.Name}"];
            else if (!ind.AppliesIn(r.Quarter!.Value))
                errors[$"scores[{n}].indicatorId"] = [ind.UntilQuarter is { } until && r.Quarter >= until
                    ? $"“{ind.Name}”已停用，第{until}季度起不再评分" : $"“{ind.Name}”自第{ind.FromQuarter}季度起考核"];
            else if (line.Score is not { } s)
                errors[$"scores[{n}].score"] = [$"请填写“{ind.Name}”的得分"];
            else if (OfficeRules.CheckScore(s, ind.MaxScore) is { } why)
                errors[$"scores[{n}].score"] = [$"“{ind.Name}”：{why}"];
            if (Clean(line.Note)?.Length > 500)
                errors[$"scores[{n}].note"] = ["不能超过500个字"];
        }
        if (r.Scores.GroupBy(l => l.IndicatorId).Any(g => g.Count() > 1))
            errors["scores"] = ["同一指标填写了多次"];
        Throw(errors);
        var result = new List<AssessmentScore>();
        foreach (var line in r.Scores)
        {
            var s = existing.FirstOrDefault(x => x.IndicatorId == line.IndicatorId);
            if (s is null)
            {
                s = new AssessmentScore { OrgUnitId = unit!.Id, IndicatorId = line.IndicatorId!.Value, Year = year, Quarter = r.Quarter!.Value, ScoredBy = db.Actor.UserName };
                db.Scores().Add(s);
            }
            s.Score = line.Score!.Value;
            s.Note = Clean(line.Note);
            s.ScoredBy = db.Actor.UserName;
            s.ScoredOn = on;
            result.Add(s);
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    // ---- 会议

    public async Task<OfficeMeeting> CreateMeetingAsync(MeetingRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = Names.Parse<MeetingKind>(r.Kind);
        if (kind is null)
            errors["kind"] = ["请选择会议类别（依法治区委员会会议、委员会办公室会议、协调小组会议）"];
        Require(errors, "title", r.Title, "请填写会议名称", 200);
        Require(errors, "attendees", r.Attendees, "请填写出席人员", 1000);
        Require(errors, "agenda", r.Agenda, "请填写会议议程", 2000);
        if (Clean(r.Place)?.Length > 100)
            errors["place"] = ["不能超过100个字"];
        var on = CheckDate(errors, "heldOn", r.HeldOn);
        var decisions = (r.Decisions ?? []).Select(Clean).Where(d => d is not null).ToList();
        for (var n = 0; n < decisions.Count; n++)
            if (decisions[n]!.Length > 1000)
                errors[$"decisions[{n}]"] = ["不能超过1000个字"];
        var office = await UnitAsync(errors, "officeCode", r.OfficeCode, required: false, ct);
        Throw(errors);
        var m = new OfficeMeeting
        {
            OrgUnitId = office!.Id, Kind = kind!.Value, Title = r.Title!.Trim(), HeldOn = on, Place = Clean(r.Place), Attendees = r.Attendees!.Trim(), Agenda = r.Agenda!.Trim(),
        };
        m.Decisions.AddRange(decisions.Select((d, i) => new MeetingDecision { Seq = i + 1, Text = d! }));
        db.OfficeMeetings().Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task<OfficeMeeting> GetMeetingAsync(long id, CancellationToken ct) =>
        await db.OfficeMeetings().Include(m => m.Decisions.OrderBy(d => d.Seq)).FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw new NotFoundException($"会议（编号{id}）不存在或不在您的数据权限范围内。");

    /// <summary>会议议定事项 → 工作要点任务 (once).</summary>
    public async Task<PlanTask> DecisionToTaskAsync(long meetingId, int seq, TaskRequest r, CancellationToken ct)
    {
        var m = await GetMeetingAsync(meetingId, ct);
        var d = m.Decisions.FirstOrDefault(x => x.Seq == seq) ?? throw FazhiValidationException.For("seq", $"该会议没有第{seq}项议定事项");
        if (d.TaskId is not null)
            throw new ConflictException($"第{seq}项议定事项已列为工作要点任务。");
        return await CreateTaskAsync(r with { Title = Clean(r.Title) ?? d.Text[..Math.Min(d.Text.Length, 200)], Detail = Clean(r.Detail) ?? $"来源：{m.Title}（{m.HeldOn:yyyy-MM-dd}）第{seq}项议定事项" },
            ct, d);
    }

    // ---- 督察

    public async Task<OfficeInspection> CreateInspectionAsync(InspectionRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = Names.Parse<InspectionKind>(r.Kind);
        if (kind is null)
            errors["kind"] = ["请选择督察方式（书面督察、实地督察）"];
        Require(errors, "title", r.Title, "请填写督察名称", 200);
        Require(errors, "findings", r.Findings, "请填写发现的问题", 2000);
        var target = await UnitAsync(errors, "orgCode", r.OrgCode, required: true, ct);
        var office = await UnitAsync(errors, "officeCode", r.OfficeCode, required: false, ct);
        var on = CheckDate(errors, "heldOn", r.HeldOn);
        var items = r.Items ?? [];
        for (var n = 0; n < items.Count; n++)
        {
            if (Clean(items[n].Text) is not { } text)
                errors[$"items[{n}].text"] = ["请填写整改事项"];
            else if (text.Length > 1000)
                errors[$"items[{n}].text"] = ["不能超过1000个字"];
            if (items[n].DueOn is not { } due)
                errors[$"items[{n}].dueOn"] = ["请填写整改时限"];
            else if (due < on)
                errors[$"items[{n}].dueOn"] = [$"整改时限{due:yyyy-MM-dd}早于督察日期{on:yyyy-MM-dd}"];
        }
        Throw(errors);
        var i = new OfficeInspection { OrgUnitId = target!.Id, OfficeOrgUnitId = office!.Id, Kind = kind!.Value, Title = r.Title!.Trim(), HeldOn = on, Findings = r.Findings!.Trim() };
        i.Items.AddRange(items.Select((x, n) => new OfficeRectification { Seq = n + 1, Text = x.Text!.Trim(), DueOn = x.DueOn!.Value }));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Inspections().Add(i);
        await db.SaveChangesAsync(ct);
        await timers.SyncAsync(InspectionModule, i.Id, i.OrgUnitId, OfficeRules.RectificationDeadlines(i), ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return i;
    }

    public async Task<OfficeInspection> GetInspectionAsync(long id, CancellationToken ct) =>
        await db.Inspections().Include(i => i.Items.OrderBy(x => x.Seq)).FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new NotFoundException($"法治督察（编号{id}）不存在或不在您的数据权限范围内。");

    /// <summary>整改完成 of one item (the inspected unit or the office).</summary>
    public async Task<OfficeInspection> RectifyAsync(long id, int seq, RectifyRequest r, CancellationToken ct)
    {
        var i = await GetInspectionAsync(id, ct);
        var item = i.Items.FirstOrDefault(x => x.Seq == seq) ?? throw FazhiValidationException.For("seq", $"该督察没有第{seq}项整改事项");
        if (item.DoneOn is not null)
            throw new ConflictException($"第{seq}项整改事项已于{item.DoneOn:yyyy-MM-dd}完成。");
        var errors = new Dictionary<string, string[]>();
        var on = CheckDate(errors, "on", r.On);
        if (on < i.HeldOn)
            errors["on"] = [$"完成日期早于督察日期{i.HeldOn:yyyy-MM-dd}"];
        Require(errors, "result", r.Result, "请填写整改情况", 1000);
        Throw(errors);
        item.DoneOn = on;
        item.Result = r.Result!.Trim();
        await timers.SyncAsync(InspectionModule, i.Id, i.OrgUnitId, OfficeRules.RectificationDeadlines(i), ct);
        await db.SaveChangesAsync(ct);
        return i;
    }

    // ---- 述法、年度报告

    public async Task<LawReport> AddLawReportAsync(LawReportRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = await UnitAsync(errors, "orgCode", r.OrgCode, required: true, ct);
        Require(errors, "person", r.Person, "请填写述法人", 64);
        Require(errors, "position", r.Position, "请填写职务", 100);
        Require(errors, "occasion", r.Occasion, "请填写述法场合", 200);
        if (Clean(r.Evaluation)?.Length > 500)
            errors["evaluation"] = ["不能超过500个字"];
        var on = CheckDate(errors, "on", r.On);
        Throw(errors);
        var x = new LawReport { OrgUnitId = unit!.Id, Person = r.Person!.Trim(), Position = r.Position!.Trim(), Occasion = r.Occasion!.Trim(), On = on, Evaluation = Clean(r.Evaluation) };
        db.LawReports().Add(x);
        await db.SaveChangesAsync(ct);
        return x;
    }

    /// <summary>年度报告征集: one required report per department and town of the office's district (existing ones kept).</summary>
    public async Task<int> CollectReportsAsync(int? year, string? officeCode, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var office = await UnitAsync(errors, "officeCode", officeCode, required: false, ct);
        if (year is not { } y || y < OfficeRules.MinYear || y > OfficeRules.MaxYear)
        {
            errors["year"] = ["请填写报告年度"];
            y = 0;
        }
        Throw(errors);
        var district = office!.Path[..(office.Path.TrimEnd('/').LastIndexOf('/') + 1)];
        var units = (await db.Orgs.UnderAsync(district, ct, OrgKind.JusticeBureau, OrgKind.EnforcementDepartment, OrgKind.Town))
            .Where(u => u.IsActive && u.Depth == office.Depth).Select(u => u.Id).ToList();
        var have = await db.AnnualLawReports().Where(a => a.Year == y && units.Contains(a.OrgUnitId)).Select(a => a.OrgUnitId).ToListAsync(ct);
        var added = 0;
        foreach (var u in units.Except(have))
        {
            db.AnnualLawReports().Add(new AnnualLawReport { OrgUnitId = u, Year = y });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>报送 and 公开 of one unit's report: published after the due day is accepted and flagged late.</summary>
    public async Task<AnnualLawReport> RecordReportAsync(AnnualReportRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = await UnitAsync(errors, "orgCode", r.OrgCode, required: false, ct);
        if (r.Year is not { } year || year < OfficeRules.MinYear || year > OfficeRules.MaxYear)
        {
            errors["year"] = ["请填写报告年度"];
            year = 0;
        }
        if (r.SubmittedOn is { } s && (s > Today || s.Year <= year - 1))
            errors["submittedOn"] = [$"报送日期应在报告年度之后且不晚于今天"];
        if (r.PublishedOn is { } p && (p > Today || p.Year < year))
            errors["publishedOn"] = [$"公开日期应在报告年度之内或之后且不晚于今天"];
        var url = Clean(r.Url);
        if (url is not null && (url.Length > 500 || !(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))))
            errors["url"] = ["公开网址应以 http:// 或 https:// 开头，且不超过500个字符"];
        if (r.PublishedOn is not null && url is null)
            errors["url"] = ["已公开的报告请填写公开网址"];
        Throw(errors);
        var a = await db.AnnualLawReports().FirstOrDefaultAsync(x => x.OrgUnitId == unit!.Id && x.Year == year, ct);
        if (a is null)
        {
            a = new AnnualLawReport { OrgUnitId = unit!.Id, Year = year };
            db.AnnualLawReports().Add(a);
        }
        a.SubmittedOn = r.SubmittedOn ?? a.SubmittedOn;
        if (r.PublishedOn is { } published)
        {
            a.PublishedOn = published;
            a.Url = url;
            a.PublishedLate = published > OfficeRules.PublishDue(year, Options.ReportPublishBy);
        }
        await db.SaveChangesAsync(ct);
        return a;
    }

    // ---- 学法

    public async Task<StudySession> AddStudyAsync(StudyRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = Names.Parse<StudyKind>(r.Kind);
        if (kind is null)
            errors["kind"] = ["请选择学法类别（常务会学法、理论中心组学法、任前法律知识考试、学法用法考试）"];
        Require(errors, "title", r.Title, "请填写学习内容或考试名称", 200);
        var unit = await UnitAsync(errors, "orgCode", r.OrgCode, required: false, ct);
        var on = CheckDate(errors, "heldOn", r.HeldOn);
        if (r.Participants is not (> 0 and <= 100_000))
            errors["participants"] = ["参加人数应为1至100000"];
        var exam = kind is StudyKind.PreAppointmentExam or StudyKind.AnnualExam;
        if (exam && r.Passed is null)
            errors["passed"] = ["考试请填写合格人数"];
        else if (r.Passed is { } passed && (passed < 0 || passed > (r.Participants ?? 0)))
            errors["passed"] = [$"合格人数{passed}不能多于参加人数{r.Participants}"];
        else if (!exam && kind is not null && r.Passed is not null)
            errors["passed"] = ["学法活动没有合格人数"];
        if (Clean(r.Names)?.Length > 4000)
            errors["names"] = ["不能超过4000个字"];
        Throw(errors);
        var s = new StudySession { OrgUnitId = unit!.Id, Kind = kind!.Value, Title = r.Title!.Trim(), HeldOn = on, Participants = r.Participants!.Value, Passed = r.Passed, Names = Clean(r.Names) };
        db.StudySessions().Add(s);
        await db.SaveChangesAsync(ct);
        return s;
    }
}
