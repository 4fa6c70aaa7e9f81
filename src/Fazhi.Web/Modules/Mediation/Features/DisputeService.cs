using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Security;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features.Actions;
using Fazhi.Web.Modules.Mediation.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record PartyRequest(string? Name, string? Kind, string? IdNumber, string? Phone, string? Address);

/// <summary>登记 a dispute: the committee (its org code; default the user's own unit), the parties and the facts.</summary>
public sealed record DisputeRequest(
    string? CommitteeCode, string? Category, string? Source, string? Summary, decimal? Amount, DateOnly? ReceivedOn,
    IReadOnlyList<PartyRequest>? Parties, string? Court = null, string? CourtCaseNumber = null, DateOnly? CourtDeadline = null,
    long? ScreeningId = null, long? TalkPointId = null);

public sealed record DisputeFilter(string? Q, string? Status, string? Category, string? Source, string? Committee, DateOnly? From, DateOnly? To,
    int? Page = null, int? Size = null);

public sealed record DisputeRow(long Id, string Number, string Committee, string Category, string Source, string Parties, string Summary,
    decimal Amount, string ReceivedOn, string Status, string StatusName, string? Mediator, string? ClosedOn, string? Agreement, string? Confirmation);

public sealed record PartyDto(string Name, string Kind, string? IdNumberMasked, string? PhoneMasked);

public sealed record DisputeEventDto(string Action, string ActionName, string On, string At, string Actor, string? Note);

public sealed record DisputeDeadlineDto(string Kind, string Title, string Due, string State, string Explanation);

public sealed record DisputeDto(long Id, string Number, string CommitteeCode, string Committee, string Category, string CategoryCode, string Source,
    string? Court, string? CourtCaseNumber, string? CourtDeadline, string Summary, decimal Amount, string ReceivedOn, string Status, string StatusName,
    long? MediatorId, string? Mediator, string? AcceptedOn, string? Agreement, string? AgreementOn, string? EffectiveOn, string? AgreementContent,
    string? ClosedOn, string? CloseReason, string? ConfirmationAppliedOn, string? ConfirmationCourt, string? ConfirmationResult, string? ConfirmationRuledOn,
    string? ConfirmationLastDay, string? FollowUpOn, string? Performance, string? ReferredToLegalAidOn,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<string> AllowedActions, IReadOnlyList<DisputeDeadlineDto> Deadlines, IReadOnlyList<DisputeEventDto> Events);

/// <summary>The handlers of the dispute lifecycle, shared by the API and the pages.</summary>
public sealed class DisputeService(FazhiDb db, CalendarService calendar, TimerSync timers, IDictionaries dicts, IOptions<MediationOptions> options,
    DeadlinePolicy deadlinePolicy)
{
    public const string Module = "mediation";
    public const int MaxExport = 50_000;

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    /// <summary>The committee a request names (or the user's own unit), which must be a 调解委员会 in scope with its committee row.</summary>
    public async Task<(OrgUnit Unit, Committee Committee)> CommitteeAsync(string? code, string field, CancellationToken ct)
    {
        OrgUnit? unit;
        if (string.IsNullOrWhiteSpace(code))
        {
            unit = db.Actor.OrgUnitId is { } own ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == own, ct) : null;
            if (unit is null || unit.Kind != OrgKind.MediationCommittee)
                throw FazhiValidationException.For(field, "请选择人民调解委员会");
        }
        else
        {
            var c = code.Trim().ToUpperInvariant();
            unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct)
                ?? throw FazhiValidationException.For(field, $"人民调解委员会“{code}”不存在或不在您的数据权限范围内");
        }
        var committee = await db.Committees().AsNoTracking().FirstOrDefaultAsync(x => x.OrgUnitId == unit.Id, ct)
            ?? throw FazhiValidationException.For(field, $"“{unit.Name}”不是已登记的人民调解委员会");
        return (unit, committee);
    }

    /// <summary>
    /// 调解员的数据范围: a mediator whose account is in the 名录 (<see cref="Mediator.UserName"/>) and who does not hold the
    /// section's permission sees, inside the org scope, only their own committee's disputes and those they mediate
    /// (选派 from the 名录 to another committee). Null: no narrowing beyond the org scope.
    /// </summary>
    public sealed record MediatorLimit(IReadOnlyList<int> Committees, IReadOnlyList<long> Mediators);

    private MediatorLimit? limit;
    private bool limitLoaded;

    public async Task<MediatorLimit?> LimitAsync(CancellationToken ct)
    {
        if (limitLoaded)
            return limit;
        limitLoaded = true;
        if (db.Actor.Can(MediationPermissions.OrganisationEdit))
            return null;
        var me = db.Actor.UserName;
        var mine = await db.Mediators().AsNoTracking().Where(m => m.UserName == me && m.IsActive).Select(m => new { m.Id, m.OrgUnitId }).ToListAsync(ct);
        limit = mine.Count == 0 ? null : new MediatorLimit([.. mine.Select(m => m.OrgUnitId).Distinct()], [.. mine.Select(m => m.Id)]);
        return limit;
    }

    /// <summary>The disputes the caller may see: the org scope, narrowed by <see cref="LimitAsync"/>.</summary>
    public async Task<IQueryable<Dispute>> VisibleAsync(CancellationToken ct)
    {
        IQueryable<Dispute> q = db.Disputes();
        if (await LimitAsync(ct) is { } l)
        {
            var committees = l.Committees;
            var mediators = l.Mediators;
            q = q.Where(d => committees.Contains(d.OrgUnitId) || (d.MediatorId != null && mediators.Contains(d.MediatorId.Value)));
        }
        return q;
    }

    public async Task<Dispute> RegisterAsync(DisputeRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Err(string k, string m) => errors[k] = [m];
        (OrgUnit Unit, Committee Committee)? committee = null;
        var committeeCode = r.CommitteeCode;
        if (string.IsNullOrWhiteSpace(committeeCode) && await LimitAsync(ct) is { Committees.Count: 1 } single)
            committeeCode = await db.OrgUnits.AsNoTracking().Where(o => o.Id == single.Committees[0]).Select(o => o.Code).FirstOrDefaultAsync(ct);
        try { committee = await CommitteeAsync(committeeCode, "committeeCode", ct); }
        catch (FazhiValidationException e) { foreach (var kv in e.Errors) errors[kv.Key] = kv.Value; }
        if (committee is { } chosen && await LimitAsync(ct) is { } own && !own.Committees.Contains(chosen.Unit.Id))
            Err("committeeCode", $"调解员只能登记本人所在调解委员会的纠纷，“{chosen.Unit.Name}”不是您所在的调解委员会");
        var choices = await dicts.ChoicesAsync(Categories.Type, ct);
        if (string.IsNullOrWhiteSpace(r.Category))
            Err("category", "请选择纠纷类别");
        else if (!choices.Any(c => c.Code == r.Category || c.Label == r.Category))
            Err("category", $"纠纷类别“{r.Category}”不在类别表中，可选：{string.Join("、", choices.Select(c => c.Label))}");
        var source = MediationNames.Parse<DisputeSource>(r.Source, MediationNames.Of);
        if (source is null)
            Err("source", $"纠纷来源应为{string.Join("、", Enum.GetValues<DisputeSource>().Select(MediationNames.Of))}之一");
        if (string.IsNullOrWhiteSpace(r.Summary)) Err("summary", "请填写纠纷简要情况");
        else if (r.Summary.Length > 1000) Err("summary", "纠纷简要情况不能超过1000个字符");
        if (Amounts.Problem(r.Amount) is { } amountProblem) Err("amount", amountProblem);
        if (r.ReceivedOn is null) Err("receivedOn", "请填写登记日期");
        else if (r.ReceivedOn > Today) Err("receivedOn", "登记日期不能晚于今天");
        if (source == DisputeSource.CourtReferral)
        {
            if (string.IsNullOrWhiteSpace(r.Court)) Err("court", "诉调对接须填写委托法院");
            if (string.IsNullOrWhiteSpace(r.CourtCaseNumber)) Err("courtCaseNumber", "诉调对接须填写法院案号");
            if (r.CourtDeadline is null) Err("courtDeadline", "诉调对接须填写委托调解期限");
            else if (r.ReceivedOn is { } rec && r.CourtDeadline < rec) Err("courtDeadline", "委托调解期限不能早于登记日期");
        }
        var parties = r.Parties ?? [];
        if (parties.Count < 2) Err("parties", "请填写至少两方当事人");
        for (var i = 0; i < parties.Count; i++)
        {
            var p = parties[i];
            var key = $"parties[{i}]";
            if (string.IsNullOrWhiteSpace(p.Name)) { Err(key + ".name", $"第{i + 1}方当事人：请填写姓名或名称"); continue; }
            var kind = MediationNames.Parse<PartyKind>(p.Kind, MediationNames.Of) ?? PartyKind.Person;
            if (!string.IsNullOrWhiteSpace(p.IdNumber) && (kind == PartyKind.Person ? IdentityNumber.Validate(p.IdNumber) : UnifiedSocialCreditCode.Validate(p.IdNumber)) is { } idProblem)
                Err(key + ".idNumber", $"第{i + 1}方当事人（{p.Name}）：{idProblem}");
            if (!string.IsNullOrWhiteSpace(p.Phone) && !PersonalData.IsMobileOrLandline(p.Phone))
                Err(key + ".phone", $"第{i + 1}方当事人（{p.Name}）：电话号码格式不对");
            if (p.Name.Length > 100) Err(key + ".name", $"第{i + 1}方当事人：姓名或名称不能超过100个字符");
            if (p.Address?.Length > 200) Err(key + ".address", $"第{i + 1}方当事人：住址不能超过200个字符");
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var category = choices.First(c => c.Code == r.Category || c.Label == r.Category).Code;
        var (unit, com) = committee!.Value;
        var received = r.ReceivedOn!.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var d = new Dispute
        {
            OrgUnitId = unit.Id,
            Number = await NextNumberAsync(unit.Id, com.ShortName, received.Year, "调", ct),
            Year = received.Year,
            Category = category,
            Source = source!.Value,
            Court = Blank(r.Court), CourtCaseNumber = Blank(r.CourtCaseNumber), CourtDeadline = source == DisputeSource.CourtReferral ? r.CourtDeadline : null,
            Summary = r.Summary!.Trim(),
            AmountFen = Amounts.ToFen(r.Amount),
            ReceivedOn = received,
            Status = DisputeStatus.Registered,
            ScreeningId = r.ScreeningId, TalkPointId = r.TalkPointId,
            Parties = [.. parties.Select(p => new DisputeParty
            {
                Name = p.Name!.Trim(), Kind = MediationNames.Parse<PartyKind>(p.Kind, MediationNames.Of) ?? PartyKind.Person,
                IdNumber = Blank(p.IdNumber)?.ToUpperInvariant(), Phone = Blank(p.Phone), Address = Blank(p.Address),
            })],
        };
        d.Events.Add(new DisputeEvent { Action = DisputeAction.Receive, On = received, AtUtc = NowUtc, Actor = db.Actor.UserName, Note = $"登记（{MediationNames.Of(d.Source)}）" });
        db.Disputes().Add(d);
        await db.SaveChangesAsync(ct);
        await SyncTimersAsync(d, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return d;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Allots the next number of a series for a committee and year; the counter's version makes two concurrent writers collide.</summary>
    public async Task<string> NextNumberAsync(int orgUnitId, string shortName, int year, string word, CancellationToken ct)
    {
        var counter = await db.MediationCounters().FirstOrDefaultAsync(c => c.OrgUnitId == orgUnitId && c.Year == year && c.Series == word, ct);
        if (counter is null)
        {
            counter = new MediationCounter { OrgUnitId = orgUnitId, Year = year, Series = word };
            db.MediationCounters().Add(counter);
        }
        string number;
        do
        {
            counter.Last++;
            number = FormatNumber(shortName, year, word, counter.Last);
        }
        while (word == "调" && await db.Disputes().ForUniquenessCheck().AnyAsync(x => x.OrgUnitId == orgUnitId && x.Number == number, ct));
        counter.Version++;
        return number;
    }

    /// <summary>（2024）鲸园调字第12号.</summary>
    public static string FormatNumber(string shortName, int year, string word, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"（{year}）{shortName}{word}字第{seq}号");

    public async Task<Dispute> GetAsync(long id, CancellationToken ct) =>
        await (await VisibleAsync(ct)).Include(d => d.Parties).Include(d => d.Events.OrderBy(e => e.On).ThenBy(e => e.AtUtc))
            .FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException($"纠纷（编号{id}）不存在或不在您的数据权限范围内。");

    public IReadOnlyList<DeadlineSpec> Deadlines(Dispute d) => MediationDeadlines.Compute(d, calendar.Current, options.Value.TargetDays);

    public Task SyncTimersAsync(Dispute d, CancellationToken ct) => timers.SyncAsync(Module, d.Id, d.OrgUnitId, Deadlines(d), ct);

    public async Task<Dispute> ActAsync(long id, DisputeAction action, DisputeActionRequest r, CancellationToken ct)
    {
        var handler = DisputeActions.Find(action) ?? throw new ConflictException($"不支持的操作“{DisputeStateMachine.NameOf(action)}”。");
        var d = await GetAsync(id, ct);
        var on = r.On ?? Today;
        if (on > Today)
            throw FazhiValidationException.For("on", "日期不能晚于今天。");
        // 受理/选派: the committee's own mediators, or any in the 调解员名录 within the caller's scope.
        var mediators = action is DisputeAction.Accept or DisputeAction.Designate
            ? await db.Mediators().AsNoTracking().Where(m => m.OrgUnitId == d.OrgUnitId || m.InRoster).ToListAsync(ct) : [];
        handler.Apply(d, r, new DisputeActionContext(on, NowUtc, db.Actor.UserName, calendar.Current, mediators));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SyncTimersAsync(d, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return d;
    }

    private async Task<IQueryable<Dispute>> FilteredAsync(DisputeFilter f, CancellationToken ct)
    {
        var q = (await VisibleAsync(ct)).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var k = f.Q.Trim();
            var index = db.Fields.IndexOf(k);
            q = q.Where(d => d.Number.Contains(k) || d.Summary.Contains(k) || d.Parties.Any(p => p.Name.Contains(k)
                || EF.Property<string>(p, nameof(DisputeParty.IdNumber) + EncryptedAttribute.IndexSuffix) == index
                || EF.Property<string>(p, nameof(DisputeParty.Phone) + EncryptedAttribute.IndexSuffix) == index));
        }
        if (MediationNames.Parse<DisputeStatus>(f.Status, MediationNames.Of) is { } status)
            q = q.Where(d => d.Status == status);
        if (MediationNames.Parse<DisputeSource>(f.Source, MediationNames.Of) is { } source)
            q = q.Where(d => d.Source == source);
        if (!string.IsNullOrWhiteSpace(f.Category))
            q = q.Where(d => d.Category == f.Category);
        if (!string.IsNullOrWhiteSpace(f.Committee))
        {
            var code = f.Committee.Trim().ToUpperInvariant();
            q = q.Where(d => db.OrgUnits.Any(o => o.Id == d.OrgUnitId && o.Code == code));
        }
        if (f.From is { } from) q = q.Where(d => d.ReceivedOn >= from);
        if (f.To is { } to) q = q.Where(d => d.ReceivedOn <= to);
        return q;
    }

    public async Task<Page<DisputeRow>> SearchAsync(DisputeFilter f, CancellationToken ct)
    {
        var paging = Paging.Of(f.Page, f.Size);
        var q = await FilteredAsync(f, ct);
        var total = await q.CountAsync(ct);
        var rows = await RowsAsync(q.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.Size), ct);
        return new Page<DisputeRow>(rows, total, paging.Number, paging.Size);
    }

    public async Task<IReadOnlyList<DisputeRow>> ExportAsync(DisputeFilter f, CancellationToken ct) =>
        await RowsAsync((await FilteredAsync(f, ct)).OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id).Take(MaxExport), ct);

    private async Task<List<DisputeRow>> RowsAsync(IQueryable<Dispute> q, CancellationToken ct)
    {
        var list = await q.Select(d => new
        {
            d.Id, d.Number, d.OrgUnitId, d.Category, d.Source, d.Summary, d.AmountFen, d.ReceivedOn, d.Status, d.MediatorId, d.ClosedOn, d.Agreement,
            d.ConfirmationAppliedOn, d.ConfirmationResult, Parties = d.Parties.Select(p => p.Name).ToList(),
        }).ToListAsync(ct);
        var orgIds = list.Select(x => x.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var medIds = list.Where(x => x.MediatorId != null).Select(x => x.MediatorId!.Value).Distinct().ToList();
        var meds = await db.Mediators().AsNoTracking().Where(m => medIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var cats = (await dicts.ItemsAsync(Categories.Type, ct)).ToDictionary(i => i.Code, i => i.Label);
        return [.. list.Select(x => new DisputeRow(x.Id, x.Number, orgs.GetValueOrDefault(x.OrgUnitId, ""), cats.GetValueOrDefault(x.Category, x.Category),
            MediationNames.Of(x.Source), string.Join("、", x.Parties), x.Summary, Amounts.ToYuan(x.AmountFen), Dates.Iso(x.ReceivedOn), x.Status.ToString(),
            MediationNames.Of(x.Status), x.MediatorId is { } m ? meds.GetValueOrDefault(m) : null, x.ClosedOn is { } c ? Dates.Iso(c) : null,
            x.Agreement is { } a ? MediationNames.Of(a) : null,
            x.ConfirmationResult is { } r ? MediationNames.Of(r) : x.ConfirmationAppliedOn is null ? null : "已申请"))];
    }

    public static async Task<byte[]> ToXlsxAsync(IEnumerable<DisputeRow> rows, CancellationToken ct)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["编号"] = r.Number, ["调解委员会"] = r.Committee, ["纠纷类别"] = r.Category, ["纠纷来源"] = r.Source, ["当事人"] = r.Parties,
            ["纠纷简要情况"] = r.Summary, ["涉及金额（元）"] = r.Amount, ["登记日期"] = r.ReceivedOn, ["状态"] = r.StatusName, ["调解员"] = r.Mediator,
            ["结案日期"] = r.ClosedOn, ["协议形式"] = r.Agreement, ["司法确认"] = r.Confirmation,
        });
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, sheetName: "人民调解纠纷", cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<DisputeDto> ToDtoAsync(Dispute d, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == d.OrgUnitId, ct);
        var mediator = d.MediatorId is { } mid ? await db.Mediators().AsNoTracking().Where(m => m.Id == mid).Select(m => m.Name).FirstOrDefaultAsync(ct) : null;
        var category = await dicts.LabelAsync(Categories.Type, d.Category, ct);
        var today = Today;
        static string? Iso(DateOnly? x) => x is { } v ? Dates.Iso(v) : null;
        return new DisputeDto(d.Id, d.Number, unit.Code, unit.Name, category, d.Category, MediationNames.Of(d.Source), d.Court, d.CourtCaseNumber, Iso(d.CourtDeadline),
            d.Summary, Amounts.ToYuan(d.AmountFen), Dates.Iso(d.ReceivedOn), d.Status.ToString(), MediationNames.Of(d.Status), d.MediatorId, mediator,
            Iso(d.AcceptedOn), d.Agreement is { } a ? MediationNames.Of(a) : null, Iso(d.AgreementOn), Iso(d.EffectiveOn), d.AgreementContent,
            Iso(d.ClosedOn), d.CloseReason, Iso(d.ConfirmationAppliedOn), d.ConfirmationCourt, d.ConfirmationResult is { } r ? MediationNames.Of(r) : null,
            Iso(d.ConfirmationRuledOn), d.EffectiveOn is { } eff ? Dates.Iso(JudicialConfirmation.LastDay(eff, calendar.Current)) : null,
            Iso(d.FollowUpOn), d.Performance, Iso(d.ReferredToLegalAidOn),
            [.. d.Parties.Select(p => new PartyDto(p.Name, MediationNames.Of(p.Kind), PersonalData.MaskIdNumber(p.IdNumber), PersonalData.MaskPhone(p.Phone)))],
            [.. DisputeStateMachine.AllowedFrom(d.Status).Where(a => DisputeActions.Find(a) is not null).Select(DisputeActions.Segment)],
            [.. Deadlines(d).Select(x => new DisputeDeadlineDto(x.Kind, x.Title, Dates.Iso(x.DueOn),
                x.Status == DeadlineStatus.Completed ? "已完成" : deadlinePolicy.StateOf(x.DueOn, today).ChineseName(), x.Explanation))],
            [.. d.Events.OrderBy(e => e.On).ThenBy(e => e.AtUtc).Select(e => new DisputeEventDto(DisputeActions.Segment(e.Action), DisputeStateMachine.NameOf(e.Action),
                Dates.Iso(e.On), ChinaTime.Format(e.AtUtc), e.Actor, e.Note))]);
    }
}
