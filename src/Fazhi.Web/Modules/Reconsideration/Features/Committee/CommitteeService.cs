using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features.Committee;

public sealed record MemberRequest(string? Name, string? Affiliation, string? Field, string? Org = null);

public sealed record MemberDto(long Id, string Name, string? Affiliation, string? Field, bool Active, string Since);

public sealed record ConsultationDto(long Id, string RequestedOn, string Ground, string Matter, string? HeldOn, string? Members, string? Conclusion,
    IReadOnlyList<OpinionDto> Opinions);

public sealed record OpinionDto(string Member, string Opinion);

/// <summary>The unit's 行政复议委员会 roster, as the case actions read it.</summary>
public static class CommitteeRoster
{
    public static async Task<IReadOnlyCollection<string>> NamesAsync(FazhiDb db, int orgUnitId, CancellationToken ct) =>
        await db.CommitteeMembers().AsNoTracking().Where(m => m.OrgUnitId == orgUnitId && m.Active).Select(m => m.Name).ToListAsync(ct);

    public static ConsultationDto ToDto(CaseConsultation x) => new(x.Id, Iso(x.RequestedOn), x.Ground, x.Matter, x.HeldOn is { } h ? Iso(h) : null,
        x.Members, x.Conclusion, [.. x.Opinions.OrderBy(o => o.Id).Select(o => new OpinionDto(o.Member, o.Opinion))]);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>行政复议委员会名册 (第五十二条第一款): the members a 复议机构 may ask, added and taken off the roll (never deleted:
/// past consultations name them).</summary>
public sealed class CommitteeService(FazhiDb db)
{
    public async Task<List<MemberDto>> ListAsync(bool includeInactive, CancellationToken ct)
    {
        var q = db.CommitteeMembers().AsNoTracking();
        if (!includeInactive)
            q = q.Where(m => m.Active);
        return [.. (await q.OrderBy(m => m.Id).ToListAsync(ct)).Select(ToDto)];
    }

    public async Task<MemberDto> AddAsync(MemberRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 32 || name.Any(c => c is '<' or '>' or '：' or ':' or '、'))
            errors["name"] = ["请填写委员姓名（不超过32字，不含 < > ： 、）"];
        if (r.Affiliation is { Length: > 100 }) errors["affiliation"] = ["工作单位及职务不超过100字"];
        if (r.Field is { Length: > 100 }) errors["field"] = ["专业领域不超过100字"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var unit = await UnitAsync(r.Org, ct);
        var existing = await db.CommitteeMembers().FirstOrDefaultAsync(m => m.OrgUnitId == unit && m.Name == name, ct);
        if (existing is { Active: true })
            throw FazhiValidationException.For("name", $"委员“{name}”已在名册中");
        if (existing is null)
            db.CommitteeMembers().Add(existing = new CommitteeMember { OrgUnitId = unit, Name = name, CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime });
        existing.Active = true;
        existing.Affiliation = string.IsNullOrWhiteSpace(r.Affiliation) ? null : r.Affiliation.Trim();
        existing.Field = string.IsNullOrWhiteSpace(r.Field) ? null : r.Field.Trim();
        await db.SaveChangesAsync(ct);
        return ToDto(existing);
    }

    /// <summary>Takes a member off the roll: no longer chosen for new consultations; past ones keep the name.</summary>
    public async Task<MemberDto> RetireAsync(long id, CancellationToken ct)
    {
        var m = await db.CommitteeMembers().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException($"委员（编号{id}）不存在或不在您的数据权限范围内。");
        m.Active = false;
        await db.SaveChangesAsync(ct);
        return ToDto(m);
    }

    private async Task<int> UnitAsync(string? org, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(org))
            return (await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == org, ct))?.Id
                ?? throw FazhiValidationException.For("org", $"机构“{org}”不存在或不在您的数据权限范围内");
        return db.Actor.OrgUnitId ?? throw FazhiValidationException.For("org", "请指定复议机构（org）");
    }

    private static MemberDto ToDto(CommitteeMember m) => new(m.Id, m.Name, m.Affiliation, m.Field, m.Active, ChinaTime.Format(m.CreatedAtUtc));
}
