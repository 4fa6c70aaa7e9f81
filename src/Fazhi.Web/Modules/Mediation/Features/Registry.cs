using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record CommitteeRequest(string? Code, string? Name, string? ParentCode, string? Kind, DateOnly? FoundedOn, string? Field, string? ShortName);

public sealed record CommitteeDto(long Id, string Code, string Name, string Kind, string FoundedOn, string? Field, string ShortName, int Mediators);

public sealed record MediatorRequest(string? CommitteeCode, string? Name, bool? FullTime, string? IdNumber, string? Phone, string? Training, bool? InRoster, string? UserName);

public sealed record MediatorDto(long Id, string Committee, string CommitteeCode, string Name, string Kind, string? IdNumberMasked, string? PhoneMasked,
    string? Training, bool InRoster, bool IsActive, string? UserName = null);

/// <summary>One mediator to choose for 选派: their committee, whether of the dispute's own committee, and the load (在调纠纷).</summary>
public sealed record RosterEntry(long Id, string Name, string Committee, string Kind, string? Training, bool InRoster, bool OwnCommittee, int OpenDisputes, int CommitteeOpenDisputes)
{
    public string Label => $"{Name}（{Committee}，{Kind}，在调{OpenDisputes}件；委员会在调{CommitteeOpenDisputes}件）";
}

public sealed record ScreeningRequest(string? OrgCode, DateOnly? On, string? Place, string? By, int? Found, int? Prevented, bool? ZeroReport, string? Note);

public sealed record ScreeningDto(long Id, string Org, string On, string Place, string By, int Found, int Prevented, bool ZeroReport, string? Note);

public sealed record TalkPointRequest(string? OrgCode, string? Name, string? Host, DateOnly? EstablishedOn);

public sealed record TalkPointReportRequest(DateOnly? On, string? Summary, bool? Resolved, bool? LegalEducation);

public sealed record TalkPointDto(long Id, string Org, string Name, string? Host, string EstablishedOn, int Reports, int Resolved);

/// <summary>委员会、调解员名录、排查、说事点: the records around the disputes.</summary>
public sealed class MediationRegistry(FazhiDb db, OrgService orgs, DisputeService disputes)
{
    public async Task<IReadOnlyList<CommitteeDto>> CommitteesAsync(CancellationToken ct)
    {
        var rows = await db.Committees().AsNoTracking().Join(db.OrgUnits, c => c.OrgUnitId, o => o.Id, (c, o) => new { c, o })
            .OrderBy(x => x.o.Path).ToListAsync(ct);
        var counts = await db.Mediators().AsNoTracking().Where(m => m.IsActive).GroupBy(m => m.OrgUnitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return [.. rows.Select(x => new CommitteeDto(x.c.Id, x.o.Code, x.o.Name, OrganisationNames.Of(x.c.Kind), Dates.Iso(x.c.FoundedOn), x.c.Field, x.c.ShortName,
            counts.GetValueOrDefault(x.o.Id)))];
    }

    /// <summary>新增调解委员会: an org unit of kind 调解委员会 under the parent (区县/街镇/村社区) and its committee row, in one transaction.</summary>
    public async Task<CommitteeDto> CreateCommitteeAsync(CommitteeRequest r, CancellationToken ct)
    {
        var kind = MediationNames.Parse<CommitteeKind>(r.Kind, OrganisationNames.Of)
            ?? throw FazhiValidationException.For("kind", $"委员会类型应为{string.Join("、", Enum.GetValues<CommitteeKind>().Select(OrganisationNames.Of))}之一");
        if (r.FoundedOn is null)
            throw FazhiValidationException.For("foundedOn", "请填写成立日期");
        if (string.IsNullOrWhiteSpace(r.ShortName) || r.ShortName.Length > 16)
            throw FazhiValidationException.For("shortName", "请填写编号简称（不超过16个字，如“鲸园”）");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unit = await orgs.CreateAsync(new CreateOrgRequest(r.Code, r.Name, nameof(OrgKind.MediationCommittee), r.ParentCode), ct);
        var c = new Committee { OrgUnitId = unit.Id, Kind = kind, FoundedOn = r.FoundedOn.Value, Field = string.IsNullOrWhiteSpace(r.Field) ? null : r.Field.Trim(), ShortName = r.ShortName.Trim() };
        db.Committees().Add(c);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CommitteeDto(c.Id, unit.Code, unit.Name, OrganisationNames.Of(kind), Dates.Iso(c.FoundedOn), c.Field, c.ShortName, 0);
    }

    public async Task<IReadOnlyList<MediatorDto>> MediatorsAsync(string? committee, CancellationToken ct)
    {
        var q = db.Mediators().AsNoTracking().Join(db.OrgUnits, m => m.OrgUnitId, o => o.Id, (m, o) => new { m, o });
        if (!string.IsNullOrWhiteSpace(committee))
        {
            var code = committee.Trim().ToUpperInvariant();
            q = q.Where(x => x.o.Code == code);
        }
        var rows = await q.OrderBy(x => x.o.Path).ThenBy(x => x.m.Name).ToListAsync(ct);
        return [.. rows.Select(x => ToDto(x.m, x.o))];
    }

    /// <summary>调解员名录 for 选派: the mediators of a committee and every active one in the 名录 within scope, each with
    /// their open disputes (在调) and their committee's, so the load shows when choosing.</summary>
    public async Task<IReadOnlyList<RosterEntry>> RosterAsync(string? forCommittee, CancellationToken ct)
    {
        var code = forCommittee?.Trim().ToUpperInvariant();
        var unitId = string.IsNullOrEmpty(code) ? (int?)null : await db.OrgUnits.AsNoTracking().Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var rows = await db.Mediators().AsNoTracking().Where(m => m.IsActive && (m.InRoster || m.OrgUnitId == unitId))
            .Join(db.OrgUnits, m => m.OrgUnitId, o => o.Id, (m, o) => new { m, o.Name, o.Path }).ToListAsync(ct);
        var open = await db.Disputes().AsNoTracking().Where(DisputeStateMachine.OpenDispute)
            .Select(d => new { d.MediatorId, d.OrgUnitId }).ToListAsync(ct);
        var byMediator = open.Where(x => x.MediatorId != null).GroupBy(x => x.MediatorId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var byCommittee = open.GroupBy(x => x.OrgUnitId).ToDictionary(g => g.Key, g => g.Count());
        return [.. rows.OrderByDescending(x => x.m.OrgUnitId == unitId).ThenBy(x => byMediator.GetValueOrDefault(x.m.Id)).ThenBy(x => x.Path).ThenBy(x => x.m.Name)
            .Select(x => new RosterEntry(x.m.Id, x.m.Name, x.Name, x.m.FullTime ? "专职" : "兼职", x.m.Training, x.m.InRoster, x.m.OrgUnitId == unitId,
                byMediator.GetValueOrDefault(x.m.Id), byCommittee.GetValueOrDefault(x.m.OrgUnitId)))];
    }

    private static MediatorDto ToDto(Mediator m, OrgUnit o) => new(m.Id, o.Name, o.Code, m.Name, m.FullTime ? "专职" : "兼职",
        PersonalData.MaskIdNumber(m.IdNumber), PersonalData.MaskPhone(m.Phone), m.Training, m.InRoster, m.IsActive, m.UserName);

    public async Task<MediatorDto> AddMediatorAsync(MediatorRequest r, CancellationToken ct)
    {
        var (unit, _) = await disputes.CommitteeAsync(r.CommitteeCode, "committeeCode", ct);
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 64)
            throw FazhiValidationException.For("name", "请填写调解员姓名（不超过64个字）");
        if (!string.IsNullOrWhiteSpace(r.IdNumber) && IdentityNumber.Validate(r.IdNumber) is { } idProblem)
            throw FazhiValidationException.For("idNumber", idProblem);
        if (!string.IsNullOrWhiteSpace(r.Phone) && !PersonalData.IsMobileOrLandline(r.Phone))
            throw FazhiValidationException.For("phone", "电话号码格式不对");
        if (r.UserName is { Length: > 64 })
            throw FazhiValidationException.For("userName", "登录账号不能超过64个字符");
        var m = new Mediator
        {
            OrgUnitId = unit.Id, Name = r.Name.Trim(), FullTime = r.FullTime ?? false, IdNumber = string.IsNullOrWhiteSpace(r.IdNumber) ? null : r.IdNumber.Trim().ToUpperInvariant(),
            Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(), Training = string.IsNullOrWhiteSpace(r.Training) ? null : r.Training.Trim(),
            InRoster = r.InRoster ?? true, UserName = string.IsNullOrWhiteSpace(r.UserName) ? null : r.UserName.Trim(),
        };
        db.Mediators().Add(m);
        await db.SaveChangesAsync(ct);
        return ToDto(m, unit);
    }

    public async Task<Page<ScreeningDto>> ScreeningsAsync(DateOnly? from, DateOnly? to, int? page, int? size, CancellationToken ct)
    {
        var paging = Paging.Of(page, size);
        var q = db.Screenings().AsNoTracking();
        if (from is { } f) q = q.Where(s => s.On >= f);
        if (to is { } t) q = q.Where(s => s.On <= t);
        var total = await q.CountAsync(ct);
        var rows = await q.Join(db.OrgUnits, s => s.OrgUnitId, o => o.Id, (s, o) => new { s, o.Name })
            .OrderByDescending(x => x.s.On).ThenByDescending(x => x.s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Page<ScreeningDto>([.. rows.Select(x => new ScreeningDto(x.s.Id, x.Name, Dates.Iso(x.s.On), x.s.Place, x.s.By, x.s.Found, x.s.Prevented, x.s.ZeroReport, x.s.Note))],
            total, paging.Number, paging.Size);
    }

    /// <summary>排查记录导出 (.xlsx): every screening of the period in scope, newest first.</summary>
    public async Task<byte[]> ScreeningsXlsxAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var q = db.Screenings().AsNoTracking();
        if (from is { } f) q = q.Where(s => s.On >= f);
        if (to is { } t) q = q.Where(s => s.On <= t);
        var rows = await q.Join(db.OrgUnits, s => s.OrgUnitId, o => o.Id, (s, o) => new { s, o.Name })
            .OrderByDescending(x => x.s.On).ThenByDescending(x => x.s.Id).Take(DisputeService.MaxExport).ToListAsync(ct);
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows.Select(x => new Dictionary<string, object?>
        {
            ["排查日期"] = Dates.Iso(x.s.On), ["机构"] = x.Name, ["地点或网格"] = x.s.Place, ["排查人"] = x.s.By, ["发现纠纷"] = x.s.Found,
            ["预防纠纷"] = x.s.Prevented, ["零报告"] = x.s.ZeroReport ? "是" : "否", ["备注"] = x.s.Note,
        }), sheetName: "矛盾纠纷排查", cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>排查: a screening with what it found and prevented, or a 零报告 (nothing found: both counts must be 0).</summary>
    public async Task<ScreeningDto> AddScreeningAsync(ScreeningRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var code = string.IsNullOrWhiteSpace(r.OrgCode) ? null : r.OrgCode.Trim().ToUpperInvariant();
        var unit = code is null
            ? db.Actor.OrgUnitId is { } own ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == own, ct) : null
            : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (unit is null) errors["orgCode"] = [$"机构“{r.OrgCode}”不存在或不在您的数据权限范围内"];
        if (r.On is null) errors["on"] = ["请填写排查日期"];
        else if (r.On > disputes.Today) errors["on"] = ["排查日期不能晚于今天"];
        if (string.IsNullOrWhiteSpace(r.Place) || r.Place.Length > 100) errors["place"] = ["请填写排查地点或网格（不超过100个字）"];
        if (string.IsNullOrWhiteSpace(r.By) || r.By.Length > 64) errors["by"] = ["请填写排查人（不超过64个字）"];
        var found = r.Found ?? 0;
        var prevented = r.Prevented ?? 0;
        if (found is < 0 or > 10_000) errors["found"] = ["发现纠纷数应在0至10000之间"];
        if (prevented is < 0 or > 10_000) errors["prevented"] = ["预防纠纷数应在0至10000之间"];
        if (r.ZeroReport == true && (found > 0 || prevented > 0)) errors["zeroReport"] = ["零报告不能有发现或预防的纠纷"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var s = new Screening
        {
            OrgUnitId = unit!.Id, On = r.On!.Value, Place = r.Place!.Trim(), By = r.By!.Trim(), Found = found, Prevented = prevented,
            ZeroReport = r.ZeroReport == true || (found == 0 && prevented == 0), Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
        };
        db.Screenings().Add(s);
        await db.SaveChangesAsync(ct);
        return new ScreeningDto(s.Id, unit.Name, Dates.Iso(s.On), s.Place, s.By, s.Found, s.Prevented, s.ZeroReport, s.Note);
    }

    public async Task<IReadOnlyList<TalkPointDto>> TalkPointsAsync(CancellationToken ct)
    {
        var points = await db.TalkPoints().AsNoTracking().Join(db.OrgUnits, p => p.OrgUnitId, o => o.Id, (p, o) => new { p, o.Name, o.Path }).OrderBy(x => x.Path).ToListAsync(ct);
        var reports = await db.TalkPointReports().AsNoTracking().GroupBy(r => r.TalkPointId)
            .Select(g => new { g.Key, N = g.Count(), R = g.Count(x => x.Resolved) }).ToDictionaryAsync(x => x.Key, ct);
        return [.. points.Select(x => new TalkPointDto(x.p.Id, x.Name, x.p.Name, x.p.Host, Dates.Iso(x.p.EstablishedOn),
            reports.GetValueOrDefault(x.p.Id)?.N ?? 0, reports.GetValueOrDefault(x.p.Id)?.R ?? 0))];
    }

    /// <summary>新增说事点: attached to a 村/社区 (or a committee).</summary>
    public async Task<TalkPointDto> AddTalkPointAsync(TalkPointRequest r, CancellationToken ct)
    {
        var code = r.OrgCode?.Trim().ToUpperInvariant();
        var unit = string.IsNullOrEmpty(code) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (unit is null || unit.Kind is not (OrgKind.Community or OrgKind.MediationCommittee))
            throw FazhiValidationException.For("orgCode", "说事点须设在本辖区的村（社区）或调解委员会");
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 100)
            throw FazhiValidationException.For("name", "请填写说事点名称（不超过100个字）");
        var p = new TalkPoint { OrgUnitId = unit.Id, Name = r.Name.Trim(), Host = r.Host?.Trim(), EstablishedOn = r.EstablishedOn ?? disputes.Today };
        db.TalkPoints().Add(p);
        await db.SaveChangesAsync(ct);
        return new TalkPointDto(p.Id, unit.Name, p.Name, p.Host, Dates.Iso(p.EstablishedOn), 0, 0);
    }

    public async Task<TalkPointDto> AddTalkPointReportAsync(long pointId, TalkPointReportRequest r, CancellationToken ct)
    {
        var p = await db.TalkPoints().FirstOrDefaultAsync(x => x.Id == pointId, ct) ?? throw new NotFoundException("说事点不存在或不在您的数据权限范围内。");
        if (r.On is null || r.On > disputes.Today)
            throw FazhiValidationException.For("on", "请填写上报日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(r.Summary) || r.Summary.Length > 1000)
            throw FazhiValidationException.For("summary", "请填写上报信息（不超过1000个字）");
        db.TalkPointReports().Add(new TalkPointReport { TalkPointId = p.Id, OrgUnitId = p.OrgUnitId, On = r.On.Value, Summary = r.Summary.Trim(), Resolved = r.Resolved == true, LegalEducation = r.LegalEducation == true });
        await db.SaveChangesAsync(ct);
        return (await TalkPointsAsync(ct)).First(x => x.Id == p.Id);
    }
}
