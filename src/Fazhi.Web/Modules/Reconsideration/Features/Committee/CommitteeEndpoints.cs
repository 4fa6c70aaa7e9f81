using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Reconsideration.Import;

namespace Fazhi.Web.Modules.Reconsideration.Features.Committee;

public sealed record AliasBatch(IReadOnlyList<AliasRequest>? Choices);

/// <summary>recon-more (issue 15 §2, §3): 行政复议委员会名册 and a case's consultations; 被申请人名称对应表 of ledger imports.</summary>
public static class CommitteeEndpoints
{
    public static void MapReconCommittee(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reconsideration").WithTags("行政复议");

        g.MapGet("/committee-members", (bool? all, CommitteeService svc, CancellationToken ct) => svc.ListAsync(all == true, ct))
            .WithSummary("行政复议委员会名册（第五十二条）；all=true 含已退出名册的委员").RequirePermission(ReconPermissions.CaseView);
        g.MapPost("/committee-members", async (MemberRequest r, CommitteeService svc, CancellationToken ct) =>
        {
            var m = await svc.AddAsync(r, ct);
            return TypedResults.Created($"/api/v1/reconsideration/committee-members/{m.Id}", m);
        }).WithSummary("登记委员：name 姓名，affiliation 工作单位及职务，field 专业领域").RequirePermission(ReconPermissions.CaseHandle);
        g.MapPost("/committee-members/{id:long}/retire", (long id, CommitteeService svc, CancellationToken ct) => svc.RetireAsync(id, ct))
            .WithSummary("委员退出名册（已有咨询记录保留其姓名）").RequirePermission(ReconPermissions.CaseHandle);

        g.MapGet("/cases/{id:long}/consultations", async (long id, ReconCaseService cases, CancellationToken ct) =>
            (await cases.GetAsync(id, ct)).Consultations.OrderBy(x => x.RequestedOn).ThenBy(x => x.Id).Select(CommitteeRoster.ToDto).ToList())
            .WithSummary("本案提请行政复议委员会咨询及咨询意见（提请与记录见办理操作 request-consultation、record-consultation）")
            .RequirePermission(ReconPermissions.CaseView);

        g.MapGet("/respondent-aliases", (string? org, RespondentAliasService svc, CancellationToken ct) => svc.ListAsync(org, ct))
            .WithSummary("被申请人名称对应表：台账中的名称与组织机构中部门的对应，导入时自动匹配").RequirePermission(ReconPermissions.CaseView);
        g.MapPost("/respondent-aliases", async (AliasBatch r, RespondentAliasService svc, CancellationToken ct) =>
            new { saved = await svc.SaveAsync(r.Choices ?? [], ct) })
            .WithSummary("记住对应关系：choices=[{name 台账中的名称, respondentCode 部门机构代码}]（预检结果 unmatched 所列名称）")
            .RequirePermission(ReconPermissions.LedgerImport);
        g.MapDelete("/respondent-aliases/{id:long}", async (long id, RespondentAliasService svc, CancellationToken ct) =>
        {
            await svc.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("删除一条对应关系").RequirePermission(ReconPermissions.LedgerImport);
    }
}
