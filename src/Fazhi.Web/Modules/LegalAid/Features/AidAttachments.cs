using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Attachments;
using Fazhi.Web.Modules.LegalAid.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>法律援助案件 take attachments: the proof of 经济困难 or of the 第四十二条/第三十二条 category, the notice,
/// the 委托协议, the closing file.</summary>
public sealed class AidAttachments(FazhiDb db) : IAttachmentOwner
{
    public const string EntityTypeCode = "case";

    public string Module => AidService.Module;

    public string EntityType => EntityTypeCode;

    public string ViewPermission => LegalAidPermissions.CaseView;

    public string AttachPermission => LegalAidPermissions.CaseHandle;

    public async Task<int?> FindAsync(long entityId, CancellationToken ct) =>
        await db.AidCases().AsNoTracking().Where(c => c.Id == entityId).Select(c => (int?)c.OrgUnitId).FirstOrDefaultAsync(ct);
}
