using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>转回人民调解: a dispute the mediators referred goes back to them (read through Contracts).</summary>
public sealed class ReferBack : IAidAction
{
    public AidAction Action => AidAction.ReferBack;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On(), AidField.Note("转回理由")];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.ReferBack(x.On, r.Note, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
