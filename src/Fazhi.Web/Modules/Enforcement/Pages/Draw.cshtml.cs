using Fazhi.Web.Kernel.Access;
using System.Globalization;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Sampling;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

[RequiresPermission(EnforcementPermissions.ReviewView)]
public sealed class DrawModel(SamplingService sampling, ReviewTemplateService templates) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public DrawDetail Detail { get; private set; } = null!;
    public DrawResults Results { get; private set; } = null!;
    public List<TemplateDto> Templates { get; private set; } = [];
    public VerifyResult? Verification { get; private set; }
    /// <summary>The record whose score form failed, with what was typed.</summary>
    public long? FailedRecord { get; private set; }
    public Dictionary<string, string?> TypedScores { get; private set; } = [];
    public string? TypedProblems { get; private set; }

    public string AllErrors => string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [RequiresPermission(EnforcementPermissions.ReviewView)]
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await TryAsync(() => sampling.VerifyAsync(Id, ct));
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [RequiresPermission(EnforcementPermissions.ReviewScore)]
    public async Task<IActionResult> OnPostTemplateAsync(long? templateId, CancellationToken ct)
    {
        if (await TryAsync(() => sampling.SetTemplateAsync(Id, new TemplateChoice(templateId), ct)) is not null)
        {
            Message = "已选择评查模板。";
            return Redirect($"/enforcement/draw/{Id}");
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [RequiresPermission(EnforcementPermissions.ReviewScore)]
    public async Task<IActionResult> OnPostScoreAsync(long recordId, Dictionary<string, string?>? scores, string? problems, CancellationToken ct)
    {
        var parsed = new Dictionary<string, decimal>();
        foreach (var (code, text) in scores ?? [])
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
                parsed[code] = points;
            else
                ModelState.AddModelError($"scores.{code}", $"“{text}”不是数字");
        }
        if (ModelState.ErrorCount == 0 &&
            await TryAsync(() => sampling.ScoreAsync(Id, recordId, new ScoreRequest(parsed, problems), ct)) is { } row)
        {
            Message = $"已保存记录{row.SourceId}的评查得分：{row.Score:0.##}分。";
            return Redirect($"/enforcement/draw/{Id}#r{recordId}");
        }
        (FailedRecord, TypedScores, TypedProblems) = (recordId, scores ?? [], problems);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Detail = await sampling.GetAsync(Id, ct);
            Results = await sampling.ResultsAsync(Id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Templates = await templates.ListAsync(ct);
        return true;
    }

    /// <summary>The filter in words, as the draw was made.</summary>
    public string FilterText()
    {
        var f = Detail.Filter;
        var parts = new List<string>();
        if (f.Org is not null) parts.Add($"机构 {f.Org}");
        if (f.Kind is not null) parts.Add($"类型 {f.Kind}");
        if (f.ItemCode is not null) parts.Add($"事项 {f.ItemCode}");
        if (f.From is not null || f.To is not null) parts.Add($"计入日期 {f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "不限"} 至 {f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "不限"}");
        if (f.Q is not null) parts.Add($"关键字“{f.Q}”");
        if (f.Rule is not null) parts.Add($"预警规则 {f.Rule}");
        else if (f.Warned == true) parts.Add("有未销号预警");
        if (f.Lenient is { } l) parts.Add(l ? "不罚轻罚" : "非不罚轻罚");
        return parts.Count == 0 ? "全部执法记录" : string.Join("；", parts);
    }
}
