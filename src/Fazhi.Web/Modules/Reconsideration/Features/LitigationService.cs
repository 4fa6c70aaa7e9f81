using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

public sealed record LitigationRequest(
    string? Court, string? CourtCaseNumber, string? Instance, string? Plaintiff, string? DefendantCode, string? Cause,
    string? ReconCaseNumber, DateOnly? FiledOn, DateOnly? ComplaintServedOn, DateOnly? AnswerFiledOn, DateOnly? HearingOn,
    bool? HeadAppeared, string? Outcome, DateOnly? ConcludedOn, bool Appealed = false, string? OrgCode = null,
    // ---- recon-rules (issue 15 §5) ----
    string? JudgmentKind = null, DateOnly? JudgmentServedOn = null, bool? CoDefendant = null, string? LossReason = null);

/// <summary>一次开庭 with 负责人出庭 (行政诉讼法第三条第三款).</summary>
public sealed record CourtHearingRequest(DateOnly? On, bool? HeadAppeared, string? Appearer, string? Note);

public sealed record HearingDto(long Id, string On, bool HeadAppeared, string? Appearer, string? Note);

public sealed record LitigationDto(long Id, string Court, string CourtCaseNumber, string Instance, string Plaintiff, string DefendantName,
    string Cause, string? ReconCaseNumber, string FiledOn, string? ComplaintServedOn, string? AnswerFiledOn, string? AnswerDue,
    string? AnswerExplanation, string? HearingOn, bool? HeadAppeared, string? Outcome, string? ConcludedOn, bool Appealed,
    string? JudgmentKind = null, string? JudgmentServedOn = null, string? AppealDue = null, string? AppealExplanation = null,
    bool CoDefendant = false, string? LossReason = null, IReadOnlyList<HearingDto>? Hearings = null);

/// <summary>行政应诉: register a suit, record its steps and outcome; the defence deadline becomes a timer.</summary>
public sealed class LitigationService(FazhiDb db, CalendarService calendar, TimerSync timers, Kernel.Dictionaries.IDictionaries dictionaries)
{
    public const string Module = "litigation";

    public async Task<LitigationCase> SaveAsync(long? id, LitigationRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Need(string? v, string field, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(v)) errors[field] = [$"请填写{label}"];
            else if (v.Length > max) errors[field] = [$"{label}不能超过{max}个字符"];
            else if (v.Any(ch => ch is '<' or '>')) errors[field] = [$"{label}不能包含 < >"];
        }
        Need(r.Court, "court", "法院", 64);
        Need(r.CourtCaseNumber, "courtCaseNumber", "法院案号", 64);
        Need(r.Plaintiff, "plaintiff", "原告", 100);
        Need(r.Cause, "cause", "案由", 200);
        var instance = ReconNames.Parse<LitigationInstance>(r.Instance ?? "一审", LitigationNames.Of);
        if (instance is null) errors["instance"] = ["审级应为一审、二审或再审"];
        LitigationOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(r.Outcome))
        {
            outcome = ReconNames.Parse<LitigationOutcome>(r.Outcome, LitigationNames.Of);
            if (outcome is null) errors["outcome"] = ["结果应为胜诉、败诉、撤诉或调解"];
        }
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        if (r.FiledOn is null) errors["filedOn"] = ["请填写立案日期"];
        foreach (var (field, value) in new[] { ("filedOn", r.FiledOn), ("complaintServedOn", r.ComplaintServedOn), ("answerFiledOn", r.AnswerFiledOn), ("concludedOn", r.ConcludedOn) })
            if (value > today) errors[field] = ["日期不能晚于今天"];
        if (r.ConcludedOn is { } concluded && r.FiledOn is { } filed && concluded < filed) errors["concludedOn"] = ["结案日期不能早于立案日期"];
        if (r.AnswerFiledOn is { } answer && r.ComplaintServedOn is { } served && answer < served) errors["answerFiledOn"] = ["答辩日期不能早于收到起诉状副本之日"];
        if (outcome is not null && r.ConcludedOn is null) errors["concludedOn"] = ["有结果的案件请填写结案日期"];
        OrgUnit? defendant = null;
        if (string.IsNullOrWhiteSpace(r.DefendantCode)) errors["defendantCode"] = ["请选择被告行政机关"];
        else
        {
            defendant = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == r.DefendantCode, ct);
            if (defendant is null || defendant.Kind.IsRegion()) errors["defendantCode"] = [$"被告“{r.DefendantCode}”不是本级或下级的行政机关"];
        }
        long? reconId = null;
        if (!string.IsNullOrWhiteSpace(r.ReconCaseNumber))
        {
            reconId = await db.ReconCases().Where(c => c.CaseNumber == r.ReconCaseNumber).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            if (reconId is null) errors["reconCaseNumber"] = [$"复议案件“{r.ReconCaseNumber}”不存在或不在您的数据权限范围内"];
        }
        var c = id is null ? null : await GetAsync(id.Value, ct);
        var (kind, coDefendant) = await CheckAppealAndDefendantsAsync(r, reconId, outcome, errors, today, ct);
        // A court's 案号 names one suit on the whole platform: taken by any unit, refused with the one wording (the scoped
        // check let another unit's number through to the unique index, whose 409 told it apart).
        if (errors.Count == 0 && await db.Set<LitigationCase>().ForUniquenessCheck().AnyAsync(x => x.Court == r.Court && x.CourtCaseNumber == r.CourtCaseNumber && x.Id != (id ?? 0), ct))
            errors["courtCaseNumber"] = [UniquenessMessages.Taken($"{r.Court}的案号", r.CourtCaseNumber!)];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        var ownUnit = c?.OrgUnitId ?? db.Actor.OrgUnitId ?? (await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == r.OrgCode, ct))?.Id
            ?? throw FazhiValidationException.For("orgCode", "请指定负责应诉的机构");
        c ??= db.Set<LitigationCase>().Add(new LitigationCase { Court = "", CourtCaseNumber = "", Plaintiff = "", DefendantName = "", Cause = "" }).Entity;
        c.OrgUnitId = ownUnit;
        c.Court = r.Court!;
        c.CourtCaseNumber = r.CourtCaseNumber!;
        c.Instance = instance!.Value;
        c.Plaintiff = r.Plaintiff!;
        c.DefendantOrgUnitId = defendant!.Id;
        c.DefendantName = defendant.Name;
        c.Cause = r.Cause!;
        c.ReconCaseId = reconId;
        c.FiledOn = r.FiledOn!.Value;
        c.ComplaintServedOn = r.ComplaintServedOn;
        c.AnswerFiledOn = r.AnswerFiledOn;
        c.HearingOn = r.HearingOn;
        c.HeadAppeared = r.HeadAppeared;
        c.Outcome = outcome;
        c.ConcludedOn = r.ConcludedOn;
        c.Appealed = r.Appealed;
        c.JudgmentKind = kind;
        c.JudgmentServedOn = r.JudgmentServedOn;
        c.CoDefendant = coDefendant;
        c.LossReason = outcome == LitigationOutcome.Lost ? r.LossReason : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await timers.SyncAsync(Module, c.Id, c.OrgUnitId, LitigationDeadlines.Compute(c, calendar.Current), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    // ---- recon-rules (issue 15 §5): 上诉期, 共同被告, 败诉原因, 负责人出庭 per hearing ----

    private async Task<(RulingKind? Kind, bool CoDefendant)> CheckAppealAndDefendantsAsync(LitigationRequest r, long? reconId, LitigationOutcome? outcome,
        Dictionary<string, string[]> errors, DateOnly today, CancellationToken ct)
    {
        RulingKind? kind = null;
        if (!string.IsNullOrWhiteSpace(r.JudgmentKind))
        {
            kind = ReconNames.Parse<RulingKind>(r.JudgmentKind, LitigationNames.Of);
            if (kind is null) errors["judgmentKind"] = ["一审裁判应为判决或裁定"];
        }
        if (r.JudgmentServedOn is { } served)
        {
            if (kind is null && !errors.ContainsKey("judgmentKind")) errors["judgmentKind"] = ["请选择送达的是判决书还是裁定书（上诉期分别为15日、10日，行政诉讼法第八十五条）"];
            if (served > today) errors["judgmentServedOn"] = ["日期不能晚于今天"];
            if (r.FiledOn is { } filed && served < filed) errors["judgmentServedOn"] = ["裁判文书送达日期不能早于立案日期"];
        }
        if (outcome == LitigationOutcome.Lost)
        {
            if (string.IsNullOrWhiteSpace(r.LossReason)) errors["lossReason"] = ["败诉案件请选择败诉原因"];
            else if (!await dictionaries.IsChoiceAsync(LitigationRules.LossReasonType, r.LossReason, ct)) errors["lossReason"] = [$"败诉原因“{r.LossReason}”不在字典“行政应诉败诉原因”中"];
        }
        var coDefendant = r.CoDefendant ?? false;
        if (reconId is not null)
        {
            var decision = await db.ReconCases().Where(x => x.Id == reconId).Select(x => x.DecisionType).FirstOrDefaultAsync(ct);
            if (LitigationRules.CoDefendantRequired(decision) is { } required)
            {
                if (r.CoDefendant is { } given && given != required)
                    errors["coDefendant"] = [required
                        ? "复议机关决定维持原行政行为的，作出原行政行为的行政机关和复议机关是共同被告（行政诉讼法第二十六条第二款）"
                        : "复议机关改变原行政行为的，复议机关是被告，不是共同被告（行政诉讼法第二十六条第二款）"];
                coDefendant = required;
            }
        }
        return (kind, coDefendant);
    }

    /// <summary>记录一次开庭: the head's appearance per hearing; the suit's latest hearing and appearance follow it.</summary>
    public async Task<LitigationCase> AddHearingAsync(long id, CourtHearingRequest r, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        if (r.On is not { } on) throw FazhiValidationException.For("on", "请填写开庭日期");
        if (on > today) throw FazhiValidationException.For("on", "日期不能晚于今天");
        if (on < c.FiledOn) throw FazhiValidationException.For("on", $"开庭日期不能早于立案日期（{c.FiledOn:yyyy-MM-dd}）");
        if (r.HeadAppeared is not { } appeared) throw FazhiValidationException.For("headAppeared", "请选择行政机关负责人是否出庭（行政诉讼法第三条第三款）");
        var appearer = string.IsNullOrWhiteSpace(r.Appearer) ? null : r.Appearer.Trim();
        if (appeared && appearer is null) throw FazhiValidationException.For("appearer", "请填写出庭的负责人姓名和职务");
        if (appearer is { Length: > 64 }) throw FazhiValidationException.For("appearer", "出庭人员不能超过64个字符");
        if (r.Note is { Length: > 500 }) throw FazhiValidationException.For("note", "说明不能超过500个字符");
        if (c.Hearings.Any(h => h.On == on)) throw FazhiValidationException.For("on", $"{on:yyyy-MM-dd}的开庭已记录");
        c.Hearings.Add(new LitigationHearing { On = on, HeadAppeared = appeared, Appearer = appearer, Note = r.Note });
        var latest = c.Hearings.MaxBy(h => h.On)!;
        c.HearingOn = latest.On;
        c.HeadAppeared = latest.HeadAppeared;
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<LitigationCase> GetAsync(long id, CancellationToken ct) =>
        await db.Set<LitigationCase>().Include(c => c.Hearings).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"应诉案件（编号{id}）不存在或不在您的数据权限范围内。");

    public async Task<List<LitigationDto>> ListAsync(string? q, CancellationToken ct)
    {
        var query = db.Set<LitigationCase>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            query = query.Where(c => c.CourtCaseNumber.Contains(q) || c.Plaintiff.Contains(q) || c.DefendantName.Contains(q) || c.Cause.Contains(q));
        var list = await query.OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct);
        var reconIds = list.Where(c => c.ReconCaseId is not null).Select(c => c.ReconCaseId!.Value).ToList();
        var numbers = await db.ReconCases().Where(c => reconIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        return [.. list.Select(c => ToDto(c, c.ReconCaseId is { } rid ? numbers.GetValueOrDefault(rid) : null))];
    }

    public LitigationDto ToDto(LitigationCase c, string? reconNumber)
    {
        var deadlines = LitigationDeadlines.Compute(c, calendar.Current);
        var answer = deadlines.FirstOrDefault(d => d.Kind == LitigationDeadlines.Answer);
        var appeal = deadlines.FirstOrDefault(d => d.Kind == LitigationRules.Appeal);
        return new LitigationDto(c.Id, c.Court, c.CourtCaseNumber, LitigationNames.Of(c.Instance), c.Plaintiff, c.DefendantName, c.Cause, reconNumber,
            Iso(c.FiledOn)!, Iso(c.ComplaintServedOn), Iso(c.AnswerFiledOn), answer is null ? null : Iso(answer.DueOn), answer?.Explanation,
            Iso(c.HearingOn), c.HeadAppeared, c.Outcome is { } o ? LitigationNames.Of(o) : null, Iso(c.ConcludedOn), c.Appealed,
            c.JudgmentKind is { } k ? LitigationNames.Of(k) : null, Iso(c.JudgmentServedOn), appeal is null ? null : Iso(appeal.DueOn), appeal?.Explanation,
            c.CoDefendant, c.LossReason, [.. c.Hearings.OrderBy(h => h.On).Select(h => new HearingDto(h.Id, Iso(h.On)!, h.HeadAppeared, h.Appearer, h.Note))]);
    }

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
}

/// <summary>A changed holiday schedule moves a suit's 答辩 deadline (a period ending on a rest day runs to the next
/// working day): re-derive the timer of every suit still waiting for its defence.</summary>
internal sealed class LitigationCalendarListener(FazhiDb db, CalendarService calendar, TimerSync timers) : ICalendarChangeListener
{
    public async Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct)
    {
        var waiting = await db.Set<LitigationCase>().ForSystemJob()
            .Where(c => c.ComplaintServedOn != null && c.AnswerFiledOn == null && c.Outcome == null || c.JudgmentServedOn != null && !c.Appealed)
            .ToListAsync(ct);
        foreach (var c in waiting)
            await timers.SyncAsync(LitigationService.Module, c.Id, c.OrgUnitId, LitigationDeadlines.Compute(c, calendar.Current), ct);
        await db.SaveChangesAsync(ct);
    }
}
