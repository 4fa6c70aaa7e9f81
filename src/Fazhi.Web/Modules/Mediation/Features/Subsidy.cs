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

public sealed record SubsidyLine(string Mediator, string Committee, int Disputes, int Written, decimal Amount, decimal Paid = 0, string? PaidOn = null);

public sealed record SubsidyList(string From, string To, IReadOnlyList<SubsidyLine> Lines, int Disputes, decimal Total, decimal PaidTotal = 0, int UnpaidDisputes = 0);

public sealed record SubsidyPaidRequest(DateOnly? From, DateOnly? To, DateOnly? PaidOn);

public sealed record SubsidyPaidResult(int Disputes, decimal Amount, string PaidOn);

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

    private IQueryable<Dispute> Payable(Period period) => db.Disputes()
        .Where(d => d.Status == DisputeStatus.Succeeded && d.ClosedOn >= period.From && d.ClosedOn <= period.To && d.MediatorId != null);

    /// <summary>The payment list of a period: a paid dispute counts at the amount fixed when it was paid, an unpaid one at today's rate.</summary>
    public async Task<SubsidyList> PaymentsAsync(Period period, CancellationToken ct)
    {
        var rates = await db.SubsidyRates().AsNoTracking().ToListAsync(ct);
        var rows = await Payable(period).AsNoTracking()
            .Join(db.Mediators(), d => d.MediatorId, m => m.Id, (d, m) => new { d.Category, d.Agreement, d.ClosedOn, d.SubsidyFen, d.SubsidyPaidOn, m.Id, m.Name, m.OrgUnitId })
            .ToListAsync(ct);
        var orgIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var priced = rows.Select(x => new { x, Fen = x.SubsidyPaidOn is null ? RateFor(rates, x.Category, x.Agreement, x.ClosedOn!.Value) : x.SubsidyFen }).ToList();
        var lines = priced.GroupBy(r => (r.x.Id, r.x.Name, r.x.OrgUnitId))
            .Select(g => new SubsidyLine(g.Key.Name, orgs.GetValueOrDefault(g.Key.OrgUnitId, ""), g.Count(), g.Count(x => x.x.Agreement == AgreementKind.Written),
                g.Sum(x => x.Fen) / 100m, g.Where(x => x.x.SubsidyPaidOn != null).Sum(x => x.Fen) / 100m,
                g.Max(x => x.x.SubsidyPaidOn) is { } paid ? Dates.Iso(paid) : null))
            .OrderBy(l => l.Committee).ThenBy(l => l.Mediator).ToList();
        return new SubsidyList(period.FromIso, period.ToIso, lines, lines.Sum(l => l.Disputes), lines.Sum(l => l.Amount), lines.Sum(l => l.Paid),
            priced.Count(p => p.x.SubsidyPaidOn is null));
    }

    /// <summary>发放: marks every unpaid line of the period paid on a day, fixing each dispute's amount at the rate then valid; all or nothing.</summary>
    public async Task<SubsidyPaidResult> MarkPaidAsync(SubsidyPaidRequest r, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        if (r.From is null || r.To is null)
            throw FazhiValidationException.For("from", "请填写发放清单的起止日期");
        var period = Period.Parse(r.From, r.To);
        if (r.PaidOn is not { } paidOn)
            throw FazhiValidationException.For("paidOn", "请填写发放日期");
        if (paidOn > today)
            throw FazhiValidationException.For("paidOn", "发放日期不能晚于今天");
        if (paidOn < period.From)
            throw FazhiValidationException.For("paidOn", $"发放日期不能早于清单起始日期（{period.FromIso}）");
        var rates = await db.SubsidyRates().AsNoTracking().ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unpaid = await Payable(period).Where(d => d.SubsidyPaidOn == null).ToListAsync(ct);
        if (unpaid.Count == 0)
            throw new Kernel.Web.ConflictException($"{period.FromIso}至{period.ToIso}的以案定补清单没有待发放的纠纷（已全部发放或没有调解成功的纠纷）。");
        foreach (var d in unpaid)
            d.MarkSubsidyPaid(RateFor(rates, d.Category, d.Agreement, d.ClosedOn!.Value), paidOn);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SubsidyPaidResult(unpaid.Count, unpaid.Sum(d => d.SubsidyFen) / 100m, Dates.Iso(paidOn));
    }

    public static async Task<byte[]> ToXlsxAsync(SubsidyList list, CancellationToken ct)
    {
        var sheet = list.Lines.Select(l => new Dictionary<string, object?>
        {
            ["调解委员会"] = l.Committee, ["调解员"] = l.Mediator, ["调解成功件数"] = l.Disputes, ["其中书面协议"] = l.Written, ["补贴金额（元）"] = l.Amount, ["已发放（元）"] = l.Paid, ["发放日期"] = l.PaidOn,
        });
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, sheetName: "以案定补发放清单", cancellationToken: ct);
        return stream.ToArray();
    }
}
