using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features.Office;
using Fazhi.Web.Modules.Legality.Pages.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Fazhi.Web.Modules.Legality.Stats;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages.Study;

[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class IndexModel(OfficeService office, OfficeQueries queries, OfficeStats stats, Fazhi.Web.Data.FazhiDb db) : OfficePage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<StudyRow> Result { get; private set; } = new([], 0, 1, 20);
    public StudyCumulative? Cumulative { get; private set; }
    public IReadOnlyList<PufaPeriod> Periods => office.Options.PufaPeriods;
    public string Today => Iso(office.Today);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await queries.StudyAsync(Q, Kind, Year, PageNumber, PageSizes.Of(Size), ct);
        var today = office.Today;
        var pufa = OfficeRules.PeriodNamed(Periods, Period) ?? OfficeRules.PeriodContaining(Periods, today);
        Period = pufa?.Name;
        if (pufa is not null)
            Cumulative = await stats.CumulativeAsync(db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix, pufa, pufa.End < today ? pufa.End : today, ct);
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostCreateAsync(StudyRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.AddStudyAsync(request, ct)) is { } s)
        {
            Message = $"已登记“{s.Title}”。";
            return Redirect("/legality/study");
        }
        await LoadAsync(ct);
        return Page();
    }
}
