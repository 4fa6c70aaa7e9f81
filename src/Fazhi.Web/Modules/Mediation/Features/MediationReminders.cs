using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Messages;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

/// <summary>
/// 期限届满提醒: when a dispute's 调结期限, 委托调解期限 (the entrusting court's order) or 司法确认申请期限 (人民调解法第三十三条,
/// 30 days) runs out, a 站内消息 goes to the dispute's mediator (their account in the 名录) and to whoever handles the
/// committee's disputes. Nothing about the dispute changes: the law attaches no consequence the app could apply itself.
/// </summary>
internal sealed class MediationTimerHandler(FazhiDb db, IMessages messages) : ITimerExpiryHandler
{
    public string Module => DisputeService.Module;

    public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
    {
        var d = await db.Disputes().AsNoTracking().FirstOrDefaultAsync(x => x.Id == timer.OwnerId, ct);
        if (d is null)
            return;
        var (title, body) = Text(timer.Kind, d.Number, d.Court, d.CourtCaseNumber, timer.DueOn);
        if (title is null)
            return;
        var link = $"/mediation/disputes/{d.Id}";
        var mediator = d.MediatorId is { } mid ? await db.Mediators().AsNoTracking().Where(m => m.Id == mid).Select(m => m.UserName).FirstOrDefaultAsync(ct) : null;
        if (mediator is not null)
            await messages.SendAsync(Module, [mediator], title, body, link, ct);
        await messages.SendToHoldersAsync(Module, MediationPermissions.DisputeHandle, d.OrgUnitId, title, body, link, ct);
    }

    /// <summary>The message of each deadline kind (null: a kind without a reminder).</summary>
    public static (string? Title, string? Body) Text(string kind, string number, string? court, string? courtCase, DateOnly due) => kind switch
    {
        MediationDeadlines.Target => ($"纠纷{number}调结期限已届满", $"调结期限（一般一个月，人民调解工作若干规定第三十三条）已于{due:yyyy-MM-dd}届满，请尽快调结或依法终止调解。"),
        MediationDeadlines.Court => ($"纠纷{number}委托调解期限已届满", $"{court}委托调解（{courtCase}）的期限已于{due:yyyy-MM-dd}届满，请将调解结果函告委托法院。"),
        MediationDeadlines.Confirmation => ($"纠纷{number}司法确认申请期限已届满", $"调解协议生效后三十日内的司法确认申请期限（人民调解法第三十三条）已于{due:yyyy-MM-dd}届满，此后法院不再受理司法确认申请。"),
        _ => (null, null),
    };
}
