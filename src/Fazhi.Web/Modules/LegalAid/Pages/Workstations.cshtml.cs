using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.LegalAid.Pages;

/// <summary>法律援助工作站: list, set up, edit or close, and each one's 值班律师.</summary>
[RequiresPermission(LegalAidPermissions.CaseView)]
public sealed class WorkstationsModel(AidDirectory directory, AidWorkstations stations) : FazhiPageModel
{
    public List<WorkstationRow> Stations { get; private set; } = [];
    public Dictionary<long, List<DutyLawyerRow>> Duty { get; private set; } = [];
    public List<ProviderRow> Lawyers { get; private set; } = [];
    public long? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(LegalAidPermissions.RosterEdit)]
    public async Task<IActionResult> OnPostCreateAsync(WorkstationRequest input, CancellationToken ct)
    {
        if (await TryAsync(() => stations.CreateAsync(input, ct)) is { } w)
        {
            Message = $"已新设工作站“{w.Name}”。";
            return Redirect("/legal-aid/workstations");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalAidPermissions.RosterEdit)]
    public async Task<IActionResult> OnPostUpdateAsync(long id, WorkstationRequest input, CancellationToken ct)
    {
        if (await TryAsync(() => stations.UpdateAsync(id, input with { Active = input.Active == true }, ct)) is { } w)
        {
            Message = $"已保存工作站“{w.Name}”{(w.Active ? "" : "（已撤销，值班律师已撤下）")}。";
            return Redirect("/legal-aid/workstations");
        }
        FailedId = id;
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalAidPermissions.RosterEdit)]
    public async Task<IActionResult> OnPostDutyAsync(long id, long? providerId, bool onDuty, CancellationToken ct)
    {
        if (await TryAsync(() => stations.SetDutyAsync(id, new DutyRequest(providerId, onDuty), ct)) is not null)
        {
            Message = onDuty ? "已安排值班律师。" : "已撤下值班律师。";
            return Redirect("/legal-aid/workstations");
        }
        FailedId = id;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Stations = await directory.WorkstationsAsync(ct);
        foreach (var s in Stations)
            Duty[s.Id] = await stations.DutyAsync(s.Id, ct);
        Lawyers = [.. (await directory.ProvidersAsync(true, ct)).Where(p => p.Kind == "律师")];
    }
}
