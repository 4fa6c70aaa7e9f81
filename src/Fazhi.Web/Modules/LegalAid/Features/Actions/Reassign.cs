using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>更换承办人员 (第五十五条).</summary>
public sealed class Reassign : IAidAction
{
    public AidAction Action => AidAction.Reassign;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On(), new(nameof(AidActionRequest.ProviderId), "新的承办人员", AidFieldKind.Provider), AidField.Reason("更换理由")];
    public async Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        var p = await x.Lookups.ProviderAsync(r.ProviderId, ct);
        if (Rules.SeriousCharge.Problem(c.SeriousCharge, p.Kind, p.PracticeYears, p.Name) is { } serious)
            throw Kernel.Web.FazhiValidationException.For("providerId", serious);
        c.Reassign(x.On, p.Id, p.Name, r.Reason, x.Actor, x.NowUtc);
    }
}
