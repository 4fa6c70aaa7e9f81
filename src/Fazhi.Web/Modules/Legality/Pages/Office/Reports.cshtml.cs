using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features.Office;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class ReportsModel(OfficeService office, OfficeQueries queries, FazhiDb db) : OfficePage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>述法 filters: 年度 and 单位 (the 年度报告 above keeps <see cref="Year"/>).</summary>
    [BindProperty(SupportsGet = true)] public int? LawYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? LawOrg { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<LawReportRow> LawReports { get; private set; } = new([], 0, 1, 20);
    public List<AnnualReportRow> Annual { get; private set; } = [];
    public List<(string Code, string Name)> Units { get; private set; } = [];
    public int ReportYear { get; private set; }
    public string Today => Iso(office.Today);
    public int Published => Annual.Count(a => a.PublishedOn is not null);
    public string Rate => Percent.Text(Percent.Of(Published, Annual.Count));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        ReportYear = Year ?? office.Today.Year - 1;
        LawReports = await queries.LawReportsAsync(Q, LawYear, PageNumber, PageSizes.Of(Size), ct, LawOrg);
        Units = await UnitsAsync(db, ct);
        Annual = await queries.AnnualReportsAsync(ReportYear, ct);
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostLawReportAsync(LawReportRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.AddLawReportAsync(request, ct)) is { } r)
        {
            Message = $"已登记{r.Person}的述法。";
            return Redirect("/legality/office/reports");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostCollectAsync(int reportYear, CancellationToken ct)
    {
        if (await TryAsync(async () => (object)await office.CollectReportsAsync(reportYear, null, ct)) is int added)
        {
            Message = $"已向{added}个单位征集{reportYear}年度法治政府建设年度报告。";
            return Redirect($"/legality/office/reports?year={reportYear}");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeReport)]
    public async Task<IActionResult> OnPostRecordAsync(AnnualReportRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.RecordReportAsync(request, ct)) is { } a)
        {
            Message = a.PublishedLate ? "已登记（逾期公开，已标注）。" : "已登记年度报告报送、公开情况。";
            return Redirect($"/legality/office/reports?year={a.Year}");
        }
        await LoadAsync(ct);
        return Page();
    }
}
