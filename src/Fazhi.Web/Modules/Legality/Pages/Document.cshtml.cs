using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

[RequiresPermission(LegalityPermissions.View)]
public sealed class DocumentModel(DocumentService documents, LegalityQueries queries, ReviewService reviews, Fazhi.Web.Data.FazhiDb db) : FazhiPageModel
{
    public DocumentDto Document { get; private set; } = null!;
    public string Today => reviews.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public string? Failed { get; private set; }
    public UserNames Names { get; private set; } = UserNames.Empty;

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Document = await LegalityEndpoints.DocumentDtoAsync(await documents.GetAsync(id, ct), documents, queries, ct);
        Names = await UserNames.LoadAsync(db, Document.Events.Select(e => e.Actor), ct);
    }

    [RequiresPermission(LegalityPermissions.DocumentManage)]
    public Task<IActionResult> OnPostStepAsync(long id, string? step, DocumentStepRequest request, CancellationToken ct) =>
        step is null || step.StartsWith("file-", StringComparison.Ordinal) ? Task.FromResult<IActionResult>(NotFound()) : RunAsync(id, step, request, ct);

    [RequiresPermission(LegalityPermissions.DocumentFile)]
    public Task<IActionResult> OnPostFileAsync(long id, string? step, DocumentStepRequest request, CancellationToken ct) =>
        step is not null && step.StartsWith("file-", StringComparison.Ordinal) ? RunAsync(id, step, request, ct) : Task.FromResult<IActionResult>(NotFound());

    private async Task<IActionResult> RunAsync(long id, string step, DocumentStepRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => documents.StepAsync(id, step, request, ct)) is not null)
        {
            Message = $"已{StepName(step)}。";
            return Redirect($"/legality/documents/{id}");
        }
        Failed = step;
        await LoadAsync(id, ct);
        return Page();
    }

    public static string StepName(string step) => Enum.TryParse<DocumentAction>(string.Concat(step.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])), out var a)
        ? NormativeDocument.NameOf(a) : step;

    /// <summary>The fields each step asks for: (name, label, type).</summary>
    public static IReadOnlyList<(string Name, string Label, string Type)> FieldsOf(string step) => step switch
    {
        "submit-for-review" => [("On", "送审日期", "date"), ("Summary", "起草说明", "text")],
        "deliberate" => [("On", "审议日期", "date"), ("Meeting", "审议会议", "line")],
        "publish" => [("On", "公布日期", "date"), ("DocumentNumber", "文号", "line"), ("ValidUntil", "有效期至（不填按5年）", "optional-date")],
        "evaluate" => [("On", "评估日期", "date"), ("Note", "评估结论", "text")],
        "repeal" => [("On", "废止日期", "date"), ("Note", "废止理由", "text")],
        _ => [("On", "日期", "date")],
    };
}
