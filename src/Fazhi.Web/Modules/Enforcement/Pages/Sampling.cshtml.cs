using Fazhi.Web.Modules.Enforcement.Features.Records;
using Fazhi.Web.Kernel.Access;
using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Sampling;
using Fazhi.Web.Modules.Enforcement.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Pages;

[RequiresPermission(EnforcementPermissions.ReviewView)]
public sealed class SamplingModel(SamplingService sampling, ReviewTemplateService templates, FazhiDb db) : FazhiPageModel
{
    public sealed class DrawForm
    {
        public string? Name { get; set; }
        public string? Org { get; set; }
        public string? Kind { get; set; }
        public string? ItemCode { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Q { get; set; }
        public string? Rule { get; set; }
        public bool Warned { get; set; }
        public string? Lenient { get; set; }
        /// <summary>count | percent.</summary>
        public string Mode { get; set; } = "count";
        public decimal? Amount { get; set; }
        public long? Seed { get; set; }
        public long? TemplateId { get; set; }
    }

    public sealed record Unit(string Code, string Name, int Depth);

    [BindProperty] public DrawForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<DrawRow> Draws { get; private set; } = new([], 0, 1, 20);
    public List<TemplateDto> Templates { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public IReadOnlyList<WarningRule> Rules => WarningRules.ForRecords;
    /// <summary>The template whose form failed, to show its errors and keep what was typed.</summary>
    public long? FailedTemplate { get; private set; }
    public string? TemplateName { get; private set; }
    public string? TemplateItems { get; private set; }

    /// <summary>The errors of the template's items (items, items[0], …) in one line.</summary>
    public string? ItemErrors
    {
        get
        {
            var messages = ModelState.Where(e => e.Key.StartsWith("items", StringComparison.Ordinal)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
            return messages.Count == 0 ? null : string.Join("；", messages);
        }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(EnforcementPermissions.ReviewDraw)]
    public async Task<IActionResult> OnPostDrawAsync(CancellationToken ct)
    {
        var request = new DrawRequest(Input.Name,
            new RecordFilter
            {
                Org = Input.Org, Kind = Input.Kind, ItemCode = Input.ItemCode, From = Input.From, To = Input.To, Q = Input.Q, Rule = Input.Rule,
                Warned = Input.Warned ? true : null, Lenient = Input.Lenient switch { "true" => true, "false" => false, _ => null },
            },
            Input.Mode == "percent" ? null : Input.Amount is { } c ? (int)Math.Min(c, int.MaxValue) : null,
            Input.Mode == "percent" ? Input.Amount : null,
            Input.Seed, Input.TemplateId);
        if (Input.Mode != "percent" && Input.Amount is { } a && a != decimal.Truncate(a))
            ModelState.AddModelError("count", "抽取数量应为整数");
        else if (Input.Amount is null)
            ModelState.AddModelError(Input.Mode == "percent" ? "percent" : "count", Input.Mode == "percent" ? "请填写抽取比例" : "请填写抽取数量");
        else if (await TryAsync(() => sampling.CreateAsync(request, ct)) is { } draw)
        {
            Message = $"已抽取{draw.Draw.Drawn}条执法记录（总体{draw.Draw.Population}条，种子{draw.Draw.Seed}）。";
            return Redirect($"/enforcement/draw/{draw.Draw.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.ReviewTemplate)]
    public async Task<IActionResult> OnPostTemplateAsync(long? id, string? name, string? items, CancellationToken ct)
    {
        var parsed = ParseItems(items, out var lineError);
        if (lineError is not null)
            ModelState.AddModelError("items", lineError);
        else
        {
            var request = new TemplateRequest(name, parsed);
            var saved = await TryAsync(() => id is { } existing ? templates.UpdateAsync(existing, request, ct) : templates.CreateAsync(request, ct));
            if (saved is not null)
            {
                Message = id is null ? $"已新建评查模板“{saved.Name}”。" : $"已保存评查模板“{saved.Name}”。";
                return RedirectToPage();
            }
        }
        (FailedTemplate, TemplateName, TemplateItems) = (id ?? 0, name, items);
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.ReviewTemplate)]
    public async Task<IActionResult> OnPostDeleteTemplateAsync(long id, CancellationToken ct)
    {
        if (await TryAsync(() => templates.DeleteAsync(id, ct)))
        {
            Message = "已删除评查模板。";
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>One item a line: 编码 名称 分值 (separated by spaces, tabs or commas).</summary>
    public static List<TemplateItemInput> ParseItems(string? text, out string? error)
    {
        error = null;
        var list = new List<TemplateItemInput>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split([' ', '\t', ',', '，', '　'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !decimal.TryParse(parts[^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            {
                error = $"第{i + 1}行应为“编码 名称 分值”，如：A1 立案审批 10";
                return list;
            }
            list.Add(new TemplateItemInput(parts[0], string.Join(' ', parts[1..^1]), points));
        }
        return list;
    }

    public static string ItemsText(TemplateDto t) =>
        string.Join('\n', t.Items.Select(i => $"{i.Code} {i.Name} {i.Points.ToString("0.##", CultureInfo.InvariantCulture)}"));

    private async Task LoadAsync(CancellationToken ct)
    {
        Draws = await sampling.ListAsync(PageNumber, PageSizes.Of(Size), ct);
        Templates = await templates.ListAsync(ct);
        Units = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgKind.EnforcementDepartment || o.Kind == OrgKind.Province || o.Kind == OrgKind.City || o.Kind == OrgKind.District || o.Kind == OrgKind.Town)
            .OrderBy(o => o.Path).Select(o => new Unit(o.Code, o.Name, o.Depth)).ToListAsync(ct);
    }
}
