using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>案卷评查 score of a closed file (第五十九条 案卷检查).</summary>
public sealed class ReviewFile : IAidAction
{
    public AidAction Action => AidAction.ReviewFile;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("评查日期"), new(nameof(AidActionRequest.Score), "评查得分（0–100）", AidFieldKind.Number), AidField.Note("评查意见", false)];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.ReviewFile(x.On, r.Score ?? throw FazhiValidationException.For("score", "请填写评查得分"), r.Note, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
