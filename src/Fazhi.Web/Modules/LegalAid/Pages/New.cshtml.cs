using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Pages;

/// <summary>收到申请 / 收到通知; from a consultation (?consultation=id) the form comes filled in.</summary>
[RequiresPermission(LegalAidPermissions.CaseIntake)]
public sealed class NewModel(AidService cases, AidDirectory directory, FazhiDb db) : FazhiPageModel
{
    public AidIntakeRequest Input { get; private set; } = new(null, null, null, null, null, "民事", null, "窗口", null, "经济困难审查", null, null, null, null, null);
    public List<AidWorkstation> Stations { get; private set; } = [];

    public async Task OnGetAsync(long? consultation, CancellationToken ct)
    {
        Input = Input with { ReceivedAt = ChinaTime.Now(db.Clock) };
        if (consultation is { } id && await TryAsync(() => directory.ConsultationAsync(id, ct)) is { } c)
            Input = Input with
            {
                ApplicantName = c.Name, ApplicantPhone = c.Phone, Matter = c.Question, CaseType = c.CaseType is { } t ? AidNames.Of(t) : "民事",
                Channel = c.Mode switch { ConsultationMode.Call => "电话", ConsultationMode.Online => "网上", _ => "窗口" }, ConsultationId = c.Id,
            };
        await LoadAsync(ct);
    }

    [RequiresPermission(LegalAidPermissions.CaseIntake)]
    public async Task<IActionResult> OnPostAsync(AidIntakeRequest input, CancellationToken ct)
    {
        Input = input;
        if (await TryAsync(() => cases.IntakeAsync(input, ct)) is { } c)
        {
            Message = $"已登记，编号 {c.Number}。";
            return Redirect($"/legal-aid/cases/{c.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Stations = await db.AidWorkstations().AsNoTracking().Where(w => w.Active).OrderBy(w => w.OpenedOn).ToListAsync(ct);
}
