using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>结案 (第五十条): result, 挽回损失, stage; the 办案补贴 owed comes from the bureau's standard table.</summary>
public sealed class Close : IAidAction
{
    public AidAction Action => AidAction.Close;
    public IReadOnlyList<AidField> Form { get; } =
    [
        AidField.On("结案日期"),
        new(nameof(AidActionRequest.Result), "结案结果", AidFieldKind.Select, Options: AidNames.Names<AidResult>(AidNames.Of)),
        new(nameof(AidActionRequest.Stage), "办结阶段（补贴标准）", AidFieldKind.Text, false),
        new(nameof(AidActionRequest.RecoveredYuan), "挽回损失（元）", AidFieldKind.Number, false),
        AidField.Note("结案摘要", false),
    ];

    public async Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        var result = AidNames.Parse<AidResult>(r.Result, AidNames.Of)
            ?? throw FazhiValidationException.For("result", "结案结果应为" + string.Join("、", AidNames.Names<AidResult>(AidNames.Of)));
        var fen = AidActions.Fen(r.RecoveredYuan, "recoveredYuan", x.Rules.MaxAmountYuan);
        var stage = string.IsNullOrWhiteSpace(r.Stage) ? c.Stage : r.Stage.Trim();
        if (stage is { Length: > 32 })
            throw FazhiValidationException.For("stage", "办结阶段不能超过32个字符");
        var subsidy = await x.Lookups.SubsidyFenAsync(c.OrgUnitId, c.CaseType, stage, ct);
        c.Close(x.On, result, fen, stage, subsidy, r.Note, x.Actor, x.NowUtc);
    }
}
