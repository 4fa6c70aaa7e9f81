using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

[RequiresPermission(LegalityPermissions.View)]
public sealed class NewMatterModel(ReviewService reviews) : FazhiPageModel
{
    public string Today => reviews.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    [RequiresPermission(LegalityPermissions.Submit)]
    public async Task<IActionResult> OnPostAsync(string? kind, string? title, string? summary, string? submittedBy, DateOnly? submittedOn, string? meetingType, string? commentSource,
        CancellationToken ct)
    {
        if (await TryAsync(() => reviews.SubmitAsync(new SubmitRequest(kind, title, summary, submittedBy, submittedOn) { MeetingType = meetingType, CommentSource = commentSource }, ct)) is { } m)
        {
            Message = "已送审，请上传送审材料。";
            return Redirect($"/legality/matters/{m.Id}");
        }
        return Page();
    }
}
