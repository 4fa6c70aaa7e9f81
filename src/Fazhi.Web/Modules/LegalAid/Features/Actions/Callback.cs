using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>满意度回访 of the aided person (第五十九条 回访受援人).</summary>
public sealed class Callback : IAidAction
{
    public AidAction Action => AidAction.Callback;
    public IReadOnlyList<AidField> Form { get; } =
        [AidField.On("回访日期"), new(nameof(AidActionRequest.Score), "满意度（1很不满意 … 5很满意）", AidFieldKind.Select, Options: ["5", "4", "3", "2", "1"]), AidField.Note("回访记录", false)];
    public Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        c.Callback(x.On, r.Score ?? throw FazhiValidationException.For("score", "请选择满意度"), r.Note, x.Actor, x.NowUtc);
        return Task.CompletedTask;
    }
}
