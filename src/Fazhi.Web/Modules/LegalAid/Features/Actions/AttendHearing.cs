using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>出庭 (庭审、仲裁开庭).</summary>
public sealed class AttendHearing : IAidAction
{
    public AidAction Action => AidAction.AttendHearing;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("开庭日期"), AidField.Note("出庭情况（法院、案由）")];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.AttendHearing(x.On, r.Note, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
