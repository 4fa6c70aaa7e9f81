using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Mediation.Pages;

/// <summary>以案定补: the standard and the payment list per mediator for a period.</summary>
[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class SubsidyModel(SubsidyService subsidy, IDictionaries dicts, TimeProvider clock) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<SubsidyRateDto> Rates { get; private set; } = [];
    public SubsidyList? List { get; private set; }
    public IReadOnlyList<DictItemView> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(MediationPermissions.SubsidyEdit)]
    public async Task<IActionResult> OnPostAsync(SubsidyRateRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => subsidy.AddRateAsync(request, ct)) is not null)
        {
            Message = "已新增补贴标准。";
            return Redirect("/mediation/subsidy");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>发放: the period's unpaid lines are marked paid on the day given; their amounts are fixed.</summary>
    [RequiresPermission(MediationPermissions.SubsidyEdit)]
    public async Task<IActionResult> OnPostPaidAsync(DateOnly? paidOn, CancellationToken ct)
    {
        if (await TryAsync(() => subsidy.MarkPaidAsync(new SubsidyPaidRequest(From, To, paidOn), ct)) is { } done)
        {
            Message = $"已将{done.Disputes}件纠纷的以案定补（合计{done.Amount:0.00}元）标记为{done.PaidOn}发放。";
            return Redirect($"/mediation/subsidy?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");
        }
        await LoadAsync(ct);
        return Page();
    }

    public string Today => Dates.Iso(Dates.Today(clock));

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Dates.Today(clock);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        Rates = await subsidy.RatesAsync(ct);
        Categories = await dicts.ChoicesAsync(Rules.Categories.Type, ct);
        List = await TryAsync(() => subsidy.PaymentsAsync(Period.Parse(From, To), ct));
    }
}
