using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

/// <summary>合同详情: review and 备案, 履约节点 with their reminders, 违约记录, 履行完毕/终止.</summary>
[RequiresPermission(LegalityPermissions.View)]
public sealed class ContractModel(ContractService contracts) : FazhiPageModel
{
    public ContractDto Contract { get; private set; } = null!;

    public string? Failed { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct) => Contract = await contracts.DtoAsync(await contracts.GetAsync(id, ct), ct);

    private async Task<IActionResult> DoAsync(long id, string form, string done, Func<Task<Domain.Contract>> action, CancellationToken ct)
    {
        if (await TryAsync(action) is not null)
        {
            Message = done;
            return Redirect($"/legality/contracts/{id}");
        }
        Failed = form;
        await OnGetAsync(id, ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public Task<IActionResult> OnPostMilestoneAsync(long id, MilestoneRequest request, CancellationToken ct) =>
        DoAsync(id, "milestone", "已添加履约节点。", () => contracts.AddMilestoneAsync(id, request, ct), ct);

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public Task<IActionResult> OnPostCompleteAsync(long id, long milestoneId, DateOnly? on, CancellationToken ct) =>
        DoAsync(id, "complete", "已登记节点完成。", () => contracts.CompleteMilestoneAsync(id, milestoneId, new CompleteMilestoneRequest(on, null), ct), ct);

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public Task<IActionResult> OnPostBreachAsync(long id, BreachRequest request, CancellationToken ct) =>
        DoAsync(id, "breach", "已登记违约记录。", () => contracts.RecordBreachAsync(id, request, ct), ct);

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public Task<IActionResult> OnPostFileAsync(long id, DateOnly? on, DateOnly? signedOn, CancellationToken ct) =>
        DoAsync(id, "file", "合同已备案，开始到期提醒。", () => contracts.FileAsync(id, on, signedOn, ct), ct);

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public Task<IActionResult> OnPostEndAsync(long id, EndContractRequest request, CancellationToken ct) =>
        DoAsync(id, "end", "已办理。", () => contracts.EndAsync(id, request, ct), ct);
}
