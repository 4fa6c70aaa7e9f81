using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Features.Committee;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

/// <summary>行政复议委员会名册 (第五十二条): the members of the unit, added and taken off the roll.</summary>
[RequiresPermission(ReconPermissions.CaseView)]
public sealed class CommitteeModel(CommitteeService committee, ICurrentUser actor) : FazhiPageModel
{
    public List<MemberDto> Members { get; private set; } = [];

    public bool CanEdit => actor.Can(ReconPermissions.CaseHandle);

    public async Task OnGetAsync(CancellationToken ct) => Members = await committee.ListAsync(includeInactive: true, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostAsync(MemberRequest member, CancellationToken ct)
    {
        if (await TryAsync(() => committee.AddAsync(member, ct)) is { } m)
        {
            Message = $"已登记委员“{m.Name}”。";
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostRetireAsync(long memberId, CancellationToken ct)
    {
        if (await TryAsync(() => committee.RetireAsync(memberId, ct)) is { } m)
        {
            Message = $"“{m.Name}”已退出名册。";
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }
}
