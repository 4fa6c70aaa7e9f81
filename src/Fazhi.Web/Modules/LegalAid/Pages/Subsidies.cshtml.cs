using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.LegalAid.Pages;

/// <summary>办案补贴: the standard table the bureau edits (one row per line: 类别,阶段,金额) and the payment list of a period.</summary>
[RequiresPermission(LegalAidPermissions.CaseView)]
public sealed class SubsidiesModel(AidDirectory directory, FazhiDb db) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    /// <summary>The 明细 lines of the period, a page at a time (the totals above them cover the whole period).</summary>
    public Page<SubsidyLine> Lines { get; private set; } = new([], 0, 1, 20);

    public List<SubsidyStandardRow> Standards { get; private set; } = [];
    public SubsidyPayment? Payments { get; private set; }
    public string? StandardsText { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(LegalAidPermissions.SubsidyEdit)]
    public async Task<IActionResult> OnPostAsync(string? standards, CancellationToken ct)
    {
        StandardsText = standards;
        var rows = new List<SubsidyStandardRow>();
        foreach (var (line, n) in (standards ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select((l, n) => (l, n)))
        {
            var parts = line.Split([',', '，', '\t'], StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !decimal.TryParse(parts[2], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount))
            {
                ModelState.AddModelError("rows", $"第{n + 1}行“{line}”应为：类别,阶段,金额（如 民事,一审,2000）");
                await LoadAsync(ct);
                return Page();
            }
            rows.Add(new SubsidyStandardRow(parts[0], parts[1], amount));
        }
        if (await TryAsync(() => directory.SaveStandardsAsync(rows, ct)) is not null)
        {
            Message = "已保存办案补贴标准。";
            return Redirect("/legal-aid/subsidies");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>发放: the period's unpaid closed cases are marked paid on the day given.</summary>
    [RequiresPermission(LegalAidPermissions.SubsidyEdit)]
    public async Task<IActionResult> OnPostPaidAsync(DateOnly? paidOn, CancellationToken ct)
    {
        if (await TryAsync(() => directory.MarkPaidAsync(new SubsidyPaidRequest(From, To, paidOn), ct)) is { } done)
        {
            Message = $"已将{done.Cases}件案件的办案补贴（合计{done.Amount:0.00}元）标记为{done.PaidOn}发放。";
            return Redirect($"/legal-aid/subsidies?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");
        }
        await LoadAsync(ct);
        return Page();
    }

    public string Today => Dates.Iso(Dates.Today(db.Clock));

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Dates.Today(db.Clock);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        Standards = await directory.StandardsAsync(ct);
        StandardsText ??= string.Join("\n", Standards.Select(s => $"{s.CaseType},{s.Stage},{s.Amount:0.##}"));
        Payments = await TryAsync(() => directory.PaymentsAsync(Period.Parse(From, To), ct));
        if (Payments is { } all)
        {
            var paging = Paging.Of(PageNumber, PageSizes.Of(Size));
            Lines = new([.. all.Lines.Skip(paging.Skip).Take(paging.Size)], all.Lines.Count, paging.Number, paging.Size);
        }
    }

    public IEnumerable<string> RowErrors => ModelState.Where(kv => kv.Key.StartsWith("rows", StringComparison.Ordinal)).SelectMany(kv => kv.Value!.Errors.Select(e => e.ErrorMessage));
}
