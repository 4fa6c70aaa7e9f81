using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Features.Disputes;
using Fazhi.Web.Modules.Hotline.Features.Own;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Fazhi.Web.Modules.Hotline.Features.Triage;
using Fazhi.Web.Modules.Hotline.Stats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Pages;

/// <summary>The units a hotline list can be narrowed to: the city, districts and 街道 in the user's scope.</summary>
internal static class HotlineUnits
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<List<Kernel.Orgs.OrgUnit>> InScopeAsync(Fazhi.Web.Data.FazhiDb db, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == Kernel.Orgs.OrgKind.City || o.Kind == Kernel.Orgs.OrgKind.District || o.Kind == Kernel.Orgs.OrgKind.Town))
            .OrderBy(o => o.Path).ToListAsync(ct);
}

[RequiresPermission(HotlinePermissions.TicketView)]
public sealed class IndexModel(TicketQueries queries, TriageService triage, Fazhi.Web.Data.FazhiDb db, TicketMerges merges, TicketEnterprises enterprises) : FazhiPageModel
{
    public List<Kernel.Orgs.OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);

    private TicketFilter Filter => new(Org, Q, null, null, Disputed, From, To, PageNumber, 20);

    /// <summary>导出 the filtered list (.xlsx).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var bytes = await TryAsync(() => queries.ExportAsync(Filter, ct));
        if (bytes is not null)
            return File(bytes, HotlineUnits.Xlsx, "热线工单.xlsx");
        await OnGetAsync(ct);
        return Page();
    }

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Disputed { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Ticket { get; set; }

    public TicketPage Result { get; private set; } = new(0, 1, 20, []);
    public TicketDetail? Detail { get; private set; }
    public TriageAnswer? Triage { get; private set; }
    public IReadOnlyList<MergeSuggestion> Duplicates { get; private set; } = [];
    public IReadOnlyList<TicketEnterprise> Enterprises { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await HotlineUnits.InScopeAsync(db, ct);
        Result = await TryAsync(() => queries.ListAsync(Filter, ct)) ?? Result;
        if (!string.IsNullOrWhiteSpace(Ticket))
        {
            Detail = await TryAsync(() => queries.GetAsync(Ticket, ct));
            Triage = Detail is null ? null : await TryAsync(() => triage.ClassifyAsync(Ticket, ct));
            if (Detail is { Ticket.MergedInto: null })
                Duplicates = await TryAsync(() => merges.SuggestAsync(Ticket, 5, ct)) ?? [];
            if (Detail is not null)
                Enterprises = await TryAsync(() => enterprises.ForTicketAsync(Ticket, ct)) ?? [];
        }
    }

    [RequiresPermission(HotlinePermissions.TicketLabel)]
    public async Task<IActionResult> OnPostLabelAsync(string ticket, bool enforcement, string? field, string? department, CancellationToken ct)
    {
        if (await TryAsync(() => triage.LabelAsync(ticket, new LabelRequest(enforcement, field, department), ct)))
            Message = "已纠正分类，将用于下次训练。";
        return RedirectToPage(new { ticket });
    }

    /// <summary>并单: the ticket into the main ticket chosen (a suggested duplicate, or a number typed).</summary>
    [RequiresPermission(HotlinePermissions.TicketMerge)]
    public async Task<IActionResult> OnPostMergeAsync(string ticket, string? into, string? intoNo, string? reason, CancellationToken ct)
    {
        var main = string.IsNullOrWhiteSpace(intoNo) ? into : intoNo;
        if (await TryAsync(() => merges.MergeAsync(ticket, new MergeRequest(main, reason), ct)) is { } done)
        {
            Message = $"已并入工单 {done.MergedInto}，统计中只计一次。";
            return RedirectToPage(new { ticket });
        }
        Ticket = ticket;
        await OnGetAsync(ct);
        return Page();
    }

    [RequiresPermission(HotlinePermissions.TicketMerge)]
    public async Task<IActionResult> OnPostUnmergeAsync(string ticket, string? reason, CancellationToken ct)
    {
        if (await TryAsync(() => merges.UnmergeAsync(ticket, new UnmergeRequest(reason), ct)) is not null)
        {
            Message = "已撤销并单。";
            return RedirectToPage(new { ticket });
        }
        Ticket = ticket;
        await OnGetAsync(ct);
        return Page();
    }
}

[RequiresPermission(HotlinePermissions.DisputeView)]
public sealed class DisputesModel(DisputeService disputes, TimeProvider clock, Fazhi.Web.Data.FazhiDb db) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Period Period { get; private set; }
    public List<ClusterView> Clusters { get; private set; } = [];
    public ClusterPage ClusterResult { get; private set; } = new(0, 1, 20, []);

    public List<Domain.Consultation> Consultations { get; private set; } = [];
    public List<Kernel.Orgs.OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);

    /// <summary>导出 the ranked clusters of the period and unit (.xlsx).</summary>
    public async Task<IActionResult> OnGetExportClustersAsync(CancellationToken ct)
    {
        Period = Resolve();
        var bytes = await TryAsync(async () => await DisputeService.ClustersXlsxAsync(await disputes.MineAsync(Org, Period, ct), ct));
        if (bytes is not null)
            return File(bytes, HotlineUnits.Xlsx, $"管辖争议聚类{Period.FromIso}至{Period.ToIso}.xlsx");
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>导出 the 会商 matters of the unit (.xlsx).</summary>
    public async Task<IActionResult> OnGetExportConsultationsAsync(CancellationToken ct)
    {
        var bytes = await TryAsync(async () => await disputes.ConsultationsXlsxAsync(await disputes.ListAsync(ct, Org), ct));
        if (bytes is not null)
            return File(bytes, HotlineUnits.Xlsx, "会商研判事项.xlsx");
        await OnGetAsync(ct);
        return Page();
    }

    private Period Resolve()
    {
        var today = Dates.Today(clock);
        return Period.Parse(From ?? today.AddYears(-1), To ?? today);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period = Resolve();
        Units = await HotlineUnits.InScopeAsync(db, ct);
        Clusters = await TryAsync(() => disputes.MineAsync(Org, Period, ct)) ?? [];
        ClusterResult = ClusterPage.Of(Clusters, PageNumber, 20);
        Consultations = await TryAsync(() => disputes.ListAsync(ct, Org)) ?? [];
    }

    [RequiresPermission(HotlinePermissions.DisputeHandle)]
    public async Task<IActionResult> OnPostProposeAsync(string key, CancellationToken ct)
    {
        Period = Resolve();
        var id = await TryAsync(async () => (object)await disputes.ProposeAsync(new ProposeRequest(key, Period.From, Period.To, null), ct));
        if (id is long l)
            return Redirect($"/hotline/consultation/{l}");
        await OnGetAsync(ct);
        return Page();
    }
}

[RequiresPermission(HotlinePermissions.DisputeView)]
public sealed class ConsultationModel(DisputeService disputes, TimeProvider clock) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public string Today => Dates.Iso(Dates.Today(clock));

    public ConsultationView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await TryAsync(() => disputes.GetAsync(Id, ct));

    private async Task<IActionResult> Done(bool ok, string message, CancellationToken ct)
    {
        if (ok)
        {
            Message = message;
            return RedirectToPage(new { Id });
        }
        await OnGetAsync(ct);
        return Page();
    }

    [RequiresPermission(HotlinePermissions.DisputeHandle)]
    public async Task<IActionResult> OnPostConsultAsync(DateOnly? consultedOn, string? present, string? minutes, CancellationToken ct) =>
        await Done(await TryAsync(() => disputes.ConsultAsync(Id, new ConsultRequest(consultedOn, present, minutes), ct)), "已记录会商。", ct);

    [RequiresPermission(HotlinePermissions.DisputeHandle)]
    public async Task<IActionResult> OnPostRuleAsync(string? responsible, DateOnly? ruledOn, bool issueRuling, string? rulingText, CancellationToken ct) =>
        await Done(await TryAsync(() => disputes.RuleAsync(Id, new RuleRequest(responsible, ruledOn, issueRuling, rulingText), ct)),
            issueRuling ? "已出具裁定意见。" : "已明确责任部门。", ct);

    [RequiresPermission(HotlinePermissions.DisputeHandle)]
    public async Task<IActionResult> OnPostFeedbackAsync(string? feedback, DateOnly? feedbackOn, CancellationToken ct) =>
        await Done(await TryAsync(() => disputes.FeedbackAsync(Id, new FeedbackRequest(feedback, feedbackOn), ct)), "已登记反馈，转入跟踪。", ct);
}

[RequiresPermission(HotlinePermissions.OwnView)]
public sealed class OwnModel(OwnTicketService own) : FazhiPageModel
{
    public List<OwnTicketView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await own.ListAsync(ct);

    [RequiresPermission(HotlinePermissions.OwnHandle)]
    public async Task<IActionResult> OnPostActAsync(long id, string step, string? reply, string? result, int? workingDays, string? reason, CancellationToken ct)
    {
        if (await TryAsync(() => own.ActAsync(id, step, new OwnActionRequest(null, reply, result, workingDays, reason), ct)) is not null)
        {
            Message = "已办理。";
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }
}

[RequiresPermission(HotlinePermissions.StatsView)]
public sealed class StatsModel(HotlineMetricSource figures, TimeProvider clock) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public HotlineStatsAnswer? Answer { get; private set; }

    public async Task OnGetAsync()
    {
        var today = Dates.Today(clock);
        Answer = await TryAsync(() => figures.AnswerAsync(Org, Period.Parse(From ?? today.AddYears(-1).AddDays(1), To ?? today)));
    }
}

[RequiresPermission(HotlinePermissions.TicketImport)]
[UploadLimit(TicketSheet.MaxBytes)]
public sealed class ImportModel(TicketIngestion ingestion) : FazhiPageModel
{
    public TicketBatchResult? Result { get; private set; }

    public void OnGet()
    {
    }

    [RequiresPermission(HotlinePermissions.TicketImport)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        Result = await TryAsync(async () =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请选择热线中心导出的 .xlsx 工单表");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var items = TicketSheet.Read(buffer);
            var r = await ingestion.IngestAsync(items, "excel", dryRun, ct);
            return r with { Rejected = [.. r.Rejected.Select(x => x with { Errors = [.. x.Errors.Select(e => TicketSheet.Shown(x.Index, e))] })] };
        });
        return Page();
    }
}
