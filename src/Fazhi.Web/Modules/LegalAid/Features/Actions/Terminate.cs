using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Rules;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>终止法律援助 (第四十八条).</summary>
public sealed class Terminate : IAidAction
{
    public AidAction Action => AidAction.Terminate;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("终止日期"), AidField.Reason("终止情形（第四十八条）", Eligibility.TerminationGrounds)];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.Terminate(x.On, r.Reason, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
