using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record SubsidyRateRequest(string? Category, decimal? Amount, decimal? WrittenBonus, DateOnly? ValidFrom);

public sealed record SubsidyRateDto(long Id, string Org, string? Category, string CategoryName, decimal Amount, decimal WrittenBonus, string ValidFrom);

public sealed record SubsidyLine(string Mediator, string Committee, int Disputes, int Written, decimal Amount);

public sealed record SubsidyList(string From, string To, IReadOnlyList<SubsidyLine> Lines, int Disputes, decimal Total);

/// <summary>
/// 以案定补: the bureau's standard (per successful dispute, by category, with an extra for a written agreement; the latest rate
/// valid on the agreement date applies, a category's own rate before the default) and the payment list per mediator for a
/// period (disputes that succeeded in it).
/// </summary>
public sealed class SubsidyService(FazhiDb db, IDictionaries dicts)
{
    public async Task<IReadOnlyList<SubsidyRateDto>> RatesAsync(CancellationToken ct)
    {
        var cats = (await dicts.ItemsAsync(Categories.Type, ct)).ToDictionary(i => i.Code, i => i.Label);
        var rows = await db.SubsidyRates().AsNoTracking().Join(db.OrgUnits, r => r.OrgUnitId, o => o.Id, (r, o) => new { r, o.Name }).ToListAsync(ct);
        return [.. rows.OrderBy(x => x.r.Category ?? "").ThenByDescending(x => x.r.ValidFrom).Select(x => new SubsidyRateDto(x.r.Id, x.Name, x.r.Category,
            x.r.Category is null ? "（全部类别）" : cats.GetValueOrDefault(x.r.Category, x.r.Category), x.r.AmountFen / 100m, x.r.WrittenBonusFen / 100m, Dates.Iso(x.r.ValidFrom)))];
    }

    public async Task<SubsidyRateDto> AddRateAsync(SubsidyRateRequest r, CancellationToken ct)
    {
        if (db.Actor.OrgUnitId is not { } own)
            throw FazhiValidationException.For("orgCode", "平台管理员没有所属机构，请以司法局账号设定补贴标准");
        if (r.Amount is null || Amounts.Problem(r.Amount) is not null || r.Amount > 100_000)
            throw FazhiValidationException.For("amount", "每件补贴金额应在0至100000元之间");
        if (r.WrittenBonus is { } b && (b < 0 || b > 100_000))
            throw FazhiValidationException.For("writtenBonus", "书面协议加补金额应在0至100000元之间");
        if (r.Category is { Length: > 0 } && !await dicts.IsChoiceAsync(Categories.Type, r.Category, ct))
            throw FazhiValidationException.For("category", $"纠纷类别“{r.Category}”不在类别表中");
        var rate = new SubsidyRate
        {
            OrgUnitId = own, Category = string.IsNullOrEmpty(r.Category) ? null : r.Category, AmountFen = Amounts.ToFen(r.Amount),
            WrittenBonusFen = Amounts.ToFen(r.WrittenBonus), ValidFrom = r.ValidFrom ?? new DateOnly(2000, 1, 1),
        };
        db.SubsidyRates().Add(rate);
        await db.SaveChangesAsync(ct);
        return (await RatesAsync(ct)).First(x => x.Id == rate.Id);
    }

    public static long RateFor(IReadOnlyList<SubsidyRate> rates, string category, AgreementKind? kind, DateOnly on)
    {
        var valid = rates.Where(r => r.ValidFrom <= on).ToList();
        var rate = valid.Where(r => r.Category == category).MaxBy(r => r.ValidFrom) ?? valid.Where(r => r.Category == null).MaxBy(r => r.ValidFrom);
        return rate is null ? 0 : rate.AmountFen + (kind == AgreementKind.Written ? rate.WrittenBonusFen : 0);
    }

    public async Task<SubsidyList> PaymentsAsync(Period period, CancellationToken ct)
    {
        var rates = await db.SubsidyRates().AsNoTracking().ToListAsync(ct);
        var rows = await db.Disputes().AsNoTracking()
            .Where(d => d.Status == DisputeStatus.Succeeded && d.ClosedOn >= period.From && d.ClosedOn <= period.To && d.MediatorId != null)
            .Join(db.Mediators(), d => d.MediatorId, m => m.Id, (d, m) => new { d.Category, d.Agreement, d.ClosedOn, m.Id, m.Name, m.OrgUnitId })
            .ToListAsync(ct);
        var orgIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var lines = rows.GroupBy(r => (r.Id, r.Name, r.OrgUnitId))
            .Select(g => new SubsidyLine(g.Key.Name, orgs.GetValueOrDefault(g.Key.OrgUnitId, ""), g.Count(), g.Count(x => x.Agreement == AgreementKind.Written),
                g.Sum(x => RateFor(rates, x.Category, x.Agreement, x.ClosedOn!.Value)) / 100m))
            .OrderBy(l => l.Committee).ThenBy(l => l.Mediator).ToList();
        return new SubsidyList(period.FromIso, period.ToIso, lines, lines.Sum(l => l.Disputes), lines.Sum(l => l.Amount));
    }

    public static async Task<byte[]> ToXlsxAsync(SubsidyList list, CancellationToken ct)
    {
        var sheet = list.Lines.Select(l => new Dictionary<string, object?>
        {
            ["调解委员会"] = l.Committee, ["调解员"] = l.Mediator, ["调解成功件数"] = l.Disputes, ["其中书面协议"] = l.Written, ["补贴金额（元）"] = l.Amount,
        });
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, sheetName: "以案定补发放清单", cancellationToken: ct);
        return stream.ToArray();
    }
}
