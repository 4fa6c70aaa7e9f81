using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Mediation.Pages;

/// <summary>矛盾纠纷排查 and 百姓评理说事点: the records, and forms to add a screening (or a 零报告) and a point's report.</summary>
[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class ScreeningsModel(MediationRegistry registry, TimeProvider clock) : FazhiPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Page<ScreeningDto> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<CommitteeDto> Committees { get; private set; } = [];
    public IReadOnlyList<TalkPointDto> Points { get; private set; } = [];
    public string Today => Dates.Iso(Dates.Today(clock));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(MediationPermissions.ScreeningRecord)]
    public async Task<IActionResult> OnPostAsync(ScreeningRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => registry.AddScreeningAsync(request, ct)) is { } s)
        {
            Message = s.ZeroReport ? "已登记零报告。" : $"已登记排查：发现纠纷{s.Found}件，预防{s.Prevented}件。";
            return Redirect("/mediation/screenings");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(MediationPermissions.ScreeningRecord)]
    public async Task<IActionResult> OnPostReportAsync(long pointId, TalkPointReportRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => registry.AddTalkPointReportAsync(pointId, request, ct)) is not null)
        {
            Message = "已登记说事点上报信息。";
            return Redirect("/mediation/screenings");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await registry.ScreeningsAsync(null, null, PageNumber, 20, ct);
        Committees = await registry.CommitteesAsync(ct);
        Points = await registry.TalkPointsAsync(ct);
    }
}
