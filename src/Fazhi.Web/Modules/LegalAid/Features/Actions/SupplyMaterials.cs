using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>收到补充材料: the 7-day review runs afresh from this day (补充时间不计入审查期限).</summary>
public sealed class SupplyMaterials : IAidAction
{
    public AidAction Action => AidAction.SupplyMaterials;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("收到日期"), AidField.Note("备注", false)];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.SupplyMaterials(x.On, x.Actor, r.Note, x.NowUtc);
        return Task.CompletedTask;
    }
}
