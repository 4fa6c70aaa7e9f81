using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>指派 a lawyer, the agency's staff or a 基层法律服务工作者 from the roster (第四十三条, 第三十六条; 第二十六条 for
/// 无期徒刑/死刑 cases: a lawyer with ≥3 years).</summary>
public sealed class Assign : IAidAction
{
    public AidAction Action => AidAction.Assign;
    public IReadOnlyList<AidField> Form { get; } = [AidField.On("指派日期"), new(nameof(AidActionRequest.ProviderId), "承办人员", AidFieldKind.Provider)];
    public async Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct)
    {
        var p = await x.Lookups.ProviderAsync(r.ProviderId, ct);
        if (c.CaseType == AidCaseType.Criminal && p.Kind == ProviderKind.GrassrootsWorker)
            throw FazhiValidationException.For("providerId", "刑事法律援助应当指派律师（法律援助法第二十五条、第三十六条），不能指派基层法律服务工作者");
        if (Rules.SeriousCharge.Problem(c.SeriousCharge, p.Kind, p.PracticeYears, p.Name) is { } serious)
            throw FazhiValidationException.For("providerId", serious);
        c.Assign(x.On, p.Id, p.Name, x.Actor, x.NowUtc);
    }
}
