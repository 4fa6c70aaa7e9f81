using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>办案进展 (会见、阅卷、调查取证…).</summary>
public sealed class RecordProgress : IAidAction
{
    public AidAction Action => AidAction.RecordProgress;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On(), AidField.Note("进展情况")];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.RecordProgress(x.On, r.Note, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
