using Fazhi.Web.Kernel.Attachments;

namespace Fazhi.Web.Modules.Mediation.Features;

/// <summary>纠纷 take attachments: 调解笔录 and 协议书 scans with the parties' signatures, the court's 委托调解函, the 司法确认
/// 裁定书, evidence. Seen by who sees the dispute (a 调解员 only their own committee's and the ones they mediate).</summary>
public sealed class DisputeAttachments(DisputeService disputes) : IAttachmentOwner
{
    public const string EntityTypeCode = "dispute";

    public string Module => DisputeService.Module;

    public string EntityType => EntityTypeCode;

    public string ViewPermission => MediationPermissions.DisputeView;

    public string AttachPermission => MediationPermissions.DisputeHandle;

    public async Task<int?> FindAsync(long entityId, CancellationToken ct)
    {
        try
        {
            return (await disputes.GetAsync(entityId, ct)).OrgUnitId;
        }
        catch (Kernel.Web.NotFoundException)
        {
            return null;
        }
    }
}
