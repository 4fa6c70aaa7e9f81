using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>决定不予法律援助: in writing, with reasons (第四十三条).</summary>
public sealed class Refuse : IAidAction
{
    public AidAction Action => AidAction.Refuse;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("决定日期"), AidField.Reason("不予法律援助的理由（必填，写入决定书）")];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.Refuse(x.On, r.Reason, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
