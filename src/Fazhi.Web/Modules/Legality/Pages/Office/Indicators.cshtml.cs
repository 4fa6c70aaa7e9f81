using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Features.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

/// <summary>考核指标 of a year: the office adds, edits and disables them (an indicator already scored keeps its name, 分值 and
/// 适用对象; it is disabled and replaced instead), every unit assessed reads them.</summary>
[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class IndicatorsModel(OfficeService office, FazhiDb db, IOptions<OfficeOptions> options) : OfficePage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public List<AssessmentIndicator> Indicators { get; private set; } = [];
    public Dictionary<long, int> Scored { get; private set; } = [];
    public decimal Required => options.Value.IndicatorTotal;
    public (decimal Departments, decimal Towns) Totals { get; private set; }
    public int Quarter { get; private set; }
    /// <summary>The indicator whose edit form failed, to open it again with the message.</summary>
    public long? Editing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= office.Today.Year;
        Indicators = await office.IndicatorsAsync(Year.Value, ct);
        var ids = Indicators.Select(i => i.Id).ToList();
        Scored = await db.Scores().AsNoTracking().Where(s => ids.Contains(s.IndicatorId)).GroupBy(s => s.IndicatorId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Totals = IndicatorRules.Totals(Indicators.Where(i => i.IsActive).Select(i => (i.AppliesTo, i.MaxScore)));
        Quarter = OfficeRules.QuarterOf(office.Today);
    }

    private string Back => $"/legality/office/indicators?year={Year}";

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostAddAsync(IndicatorRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.AddIndicatorAsync(request with { Year = Year, Seq = null, OfficeCode = null }, ct)) is { } i)
        {
            Message = $"已新增考核指标“{i.Name}”（{i.MaxScore:0.#}分，适用于{Names.Of(i.AppliesTo)}）。";
            return Redirect(Back);
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostEditAsync(long indicatorId, IndicatorRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.UpdateIndicatorAsync(indicatorId, request with { Evidence = request.Evidence ?? "" }, null, ct)) is { } i)
        {
            Message = $"已修改考核指标“{i.Name}”。";
            return Redirect(Back);
        }
        Editing = indicatorId;
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostActiveAsync(long indicatorId, bool active, CancellationToken ct)
    {
        if (await TryAsync(() => office.UpdateIndicatorAsync(indicatorId, new IndicatorRequest(null, null, null, null), active, ct)) is { } i)
        {
            Message = active ? $"已启用考核指标“{i.Name}”。" : $"已停用考核指标“{i.Name}”，今后不再评分；已评季度的得分保留。";
            return Redirect(Back);
        }
        await LoadAsync(ct);
        return Page();
    }
}
