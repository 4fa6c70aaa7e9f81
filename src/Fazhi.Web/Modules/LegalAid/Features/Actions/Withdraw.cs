using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>视为撤回申请 (第四十三条第二款: 未按要求补充材料).</summary>
public sealed class Withdraw : IAidAction
{
    public AidAction Action => AidAction.Withdraw;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On(), AidField.Note("说明", false)];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.Withdraw(x.On, x.Actor, r.Note, x.NowUtc);
        return Task.CompletedTask;
    }
}
