using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>一次性告知须补充的材料 (法律援助法第四十三条第二款).</summary>
public sealed class RequestMaterials : IAidAction
{
    public AidAction Action => AidAction.RequestMaterials;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("告知日期"), AidField.Note("须补充的全部材料（一次性列明）")];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.RequestMaterials(x.On, r.Note, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
