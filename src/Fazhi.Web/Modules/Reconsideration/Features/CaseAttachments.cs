using Fazhi.Web.Data;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Kernel.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

/// <summary>复议案件 accept attachments (申请材料, 证据, 文书扫描件): seen by who may see the case, added by who handles it.</summary>
public sealed class CaseAttachments(FazhiDb db) : IAttachmentOwner
{
    public const string EntityTypeCode = "case";

    public string Module => ReconCaseService.Module;

    public string EntityType => EntityTypeCode;

    public string ViewPermission => ReconPermissions.CaseView;

    public string AttachPermission => ReconPermissions.CaseHandle;

    public async Task<int?> FindAsync(long entityId, CancellationToken ct) =>
        await db.ReconCases().AsNoTracking().Where(c => c.Id == entityId).Select(c => (int?)c.OrgUnitId).FirstOrDefaultAsync(ct);
}
