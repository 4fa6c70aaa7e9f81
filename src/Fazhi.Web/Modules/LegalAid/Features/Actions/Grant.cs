using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>决定给予法律援助 (第四十三条): the 3-day assignment period starts.</summary>
public sealed class Grant : IAidAction
{
    public AidAction Action => AidAction.Grant;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("决定日期"), AidField.Note("审查意见", false)];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.Grant(x.On, x.Actor, r.Note, x.NowUtc);
        return Task.CompletedTask;
    }
}
