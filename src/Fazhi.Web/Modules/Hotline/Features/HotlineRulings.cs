using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Contracts;
using Fazhi.Web.Modules.Hotline.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features;

public sealed class HotlineRulings(FazhiDb db) : IHotlineRulings
{
    private async Task<string> PathAsync(string? orgCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from)
            throw FazhiValidationException.For("to", "结束日期不能早于开始日期");
        return string.IsNullOrWhiteSpace(orgCode) ? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix) : await db.OrgUnits.PathOfAsync(orgCode.Trim(), ct);
    }

    public async Task<RulingCount> CountAsync(string? orgCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var path = await PathAsync(orgCode, from, to, ct);
        var q = db.Consultations().AsNoTracking().Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)));
        var held = await q.CountAsync(c => c.ConsultedOn >= from && c.ConsultedOn <= to, ct);
        var issued = await q.CountAsync(c => c.RulingIssued && c.RuledOn >= from && c.RuledOn <= to, ct);
        return new RulingCount(orgCode?.Trim() ?? "", held, issued);
    }

    public async Task<IReadOnlyList<RulingItem>> ListAsync(string? orgCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var path = await PathAsync(orgCode, from, to, ct);
        var rows = await db.Consultations().AsNoTracking()
            .Where(c => c.RulingIssued && c.RuledOn >= from && c.RuledOn <= to && db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)))
            .OrderBy(c => c.RuledOn).ThenBy(c => c.RulingSeq).ToListAsync(ct);
        var units = await db.OrgUnits.WholeOrgTree().AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var byCode = units.Values.ToDictionary(o => o.Code, o => o.Name);
        return [.. rows.Select(c => new RulingItem(c.Id, c.RulingNumber(units[c.OrgUnitId].Name[..1] + Disputes.DisputeService.RulingPrefix)!, c.Title, c.RuledOn!.Value,
            byCode.GetValueOrDefault(c.ResponsibleCode ?? "", c.ResponsibleCode ?? "")))];
    }
}
