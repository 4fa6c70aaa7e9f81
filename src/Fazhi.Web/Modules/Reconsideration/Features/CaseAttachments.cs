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

    /// <summary>An archived case refuses every change, its 案卷材料 included (issue 15 §3).</summary>
    public async Task EnsureWritableAsync(long entityId, CancellationToken ct)
    {
        if (await db.ReconCases().AsNoTracking().Where(c => c.Id == entityId).Select(c => c.ArchivedOn).FirstOrDefaultAsync(ct) is { } on)
            throw new Kernel.Web.ConflictException($"案件已于{on:yyyy-MM-dd}归档，不能再上传或删除案卷材料。");
    }
}
