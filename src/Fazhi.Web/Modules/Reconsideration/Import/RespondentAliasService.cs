using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Import;

public sealed record AliasRequest(string? Name, string? RespondentCode, string? Org = null);

public sealed record AliasDto(long Id, string Name, string RespondentCode, string RespondentName, string CreatedBy, string CreatedAt);

/// <summary>被申请人名称对应表 of a 复议机构: the choices made for ledger names no department matched, kept so that the
/// next import matches them silently; listed, changed (same name again) and deleted by the bureau.</summary>
public sealed class RespondentAliasService(FazhiDb db)
{
    public async Task<List<AliasDto>> ListAsync(string? org, CancellationToken ct)
    {
        var unit = await OwnerAsync(org, ct);
        var rows = await db.RespondentAliases().AsNoTracking().Where(a => a.OrgUnitId == unit.Id).OrderBy(a => a.Name).ToListAsync(ct);
        var ids = rows.Select(a => a.RespondentOrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return [.. rows.Select(a => new AliasDto(a.Id, a.Name, units.GetValueOrDefault(a.RespondentOrgUnitId)?.Code ?? "", units.GetValueOrDefault(a.RespondentOrgUnitId)?.Name ?? "（已停用的机构）",
            a.CreatedBy, ChinaTime.Format(a.CreatedAtUtc)))];
    }

    /// <summary>Records (or changes) the department a ledger name stands for; all given choices in one transaction.</summary>
    public async Task<int> SaveAsync(IReadOnlyList<AliasRequest> choices, CancellationToken ct)
    {
        if (choices.Count is 0 or > 200)
            throw FazhiValidationException.For("respondentCode", "请为未对应的名称选择部门（一次最多200个）");
        var saved = 0;
        foreach (var r in choices)
        {
            var name = r.Name?.Trim() ?? "";
            if (name.Length is 0 or > 64 || name.Any(c => c is '<' or '>'))
                throw FazhiValidationException.For("name", "台账中的名称不能为空，不超过64个字符，不含 < >");
            if (string.IsNullOrWhiteSpace(r.RespondentCode))
                continue;   // a name left without a choice stays unmatched
            var unit = await OwnerAsync(r.Org, ct);
            var target = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == r.RespondentCode && o.IsActive, ct);
            if (target is null || target.Kind.IsRegion())
                throw FazhiValidationException.For("respondentCode", $"“{r.RespondentCode}”不是本级或下级的行政机关");
            var units = await db.OrgUnits.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
            var key = RespondentNames.Normalise(name, await RespondentNames.RegionNamesAsync(db, unit, units, ct));
            if (key.Length == 0)
                throw FazhiValidationException.For("name", $"“{name}”不是机关名称");
            var existing = await db.RespondentAliases().FirstOrDefaultAsync(a => a.OrgUnitId == unit.Id && a.Key == key, ct);
            if (existing is null)
                db.RespondentAliases().Add(new RespondentAlias
                {
                    OrgUnitId = unit.Id, Name = name, Key = key, RespondentOrgUnitId = target.Id, CreatedBy = db.Actor.UserName,
                    CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
                });
            else
                (existing.Name, existing.RespondentOrgUnitId, existing.CreatedBy, existing.CreatedAtUtc) = (name, target.Id, db.Actor.UserName, db.Clock.GetUtcNow().UtcDateTime);
            saved++;
        }
        if (saved == 0)
            throw FazhiValidationException.For("respondentCode", "请至少为一个名称选择对应的部门");
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        var a = await db.RespondentAliases().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException($"对应关系（编号{id}）不存在或不在您的数据权限范围内。");
        db.RespondentAliases().Remove(a);
        await db.SaveChangesAsync(ct);
    }

    private async Task<OrgUnit> OwnerAsync(string? org, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(org))
            return await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == org, ct)
                ?? throw FazhiValidationException.For("org", $"机构“{org}”不存在或不在您的数据权限范围内");
        var own = db.Actor.OrgUnitId ?? throw FazhiValidationException.For("org", "请指定复议机构（org）");
        return await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == own, ct);
    }
}
