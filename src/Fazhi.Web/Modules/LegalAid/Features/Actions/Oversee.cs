using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>质量监督: 庭审旁听、案卷评查、电话回访 (第五十九条; [001]).</summary>
public sealed class Oversee : IAidAction
{
    public AidAction Action => AidAction.Oversee;
    public IReadOnlyList<AidField> Form { get; } =
        [AidField.On(), new(nameof(AidActionRequest.Kind), "监督方式", AidFieldKind.Select, Options: AidNames.Names<OversightKind>(AidNames.Of)), AidField.Note("监督情况")];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        var kind = AidNames.Parse<OversightKind>(r.Kind, AidNames.Of) ?? throw FazhiValidationException.For("kind", "监督方式应为庭审旁听、案卷评查或电话回访");
        c.Oversee(x.On, kind, r.Note, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
