using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Rules;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>先行提供法律援助 (第四十四条).</summary>
public sealed class ProvideFirst : IAidAction
{
    public AidAction Action => AidAction.ProvideFirst;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("决定日期"), AidField.Reason("紧急情形（第四十四条）", Eligibility.UrgentGrounds)];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.ProvideFirst(x.On, r.Reason, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
