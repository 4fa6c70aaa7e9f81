using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Attachments;

public sealed record AttachmentDto(long Id, string Module, string EntityType, long EntityId, string Category, string CategoryName,
    string FileName, string ContentType, long Size, string Sm3, string UploadedBy, string UploadedAt);

/// <summary>附件: upload, list, download and delete for any module's record whose owner is registered.</summary>
public sealed class AttachmentService(FazhiDb db, IEnumerable<IAttachmentOwner> owners, IEnumerable<IAttachmentStore> stores,
    IOptions<AttachmentOptions> options, IDictionaries dictionaries)
{
    /// <summary>The dictionary of 附件类别 (declared in the platform manifest).</summary>
    public const string CategoryType = "system.attachment_category";
    public const string DefaultCategory = "other";
    public const int FileNameLength = 200;

    public AttachmentOptions Options => options.Value;

    /// <summary>The limit as the page states it (e.g. "20 MB").</summary>
    public string LimitText => FormatSize(Options.MaxBytes);

    public static string FormatSize(long bytes) => bytes < 1024 ? bytes.ToString(CultureInfo.InvariantCulture) + " 字节" : bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    private IAttachmentOwner OwnerOf(string module, string entityType) =>
        owners.FirstOrDefault(o => o.Module == module && o.EntityType == entityType)
        ?? throw FazhiValidationException.For("entityType", $"“{module}/{entityType}”不接受附件（没有模块登记这类记录）。");

    /// <summary>The record's unit, after checking the caller holds the permission and can see the record.</summary>
    private async Task<int> RecordUnitAsync(IAttachmentOwner owner, long entityId, bool write, CancellationToken ct)
    {
        if (!db.Actor.Can(write ? owner.AttachPermission : owner.ViewPermission))
            throw new ForbiddenException(write ? "您没有为该记录上传或删除附件的权限。" : "您没有查看该记录附件的权限。");
        var unit = await owner.FindAsync(entityId, ct) ?? throw new NotFoundException("记录不存在或不在您的数据权限范围内。");
        if (write)
            await owner.EnsureWritableAsync(entityId, ct);
        return unit;
    }

    public async Task<AttachmentDto> UploadAsync(string module, string entityType, long entityId, IFormFile? file, string? category, CancellationToken ct)
    {
        var owner = OwnerOf(module, entityType);
        var unit = await RecordUnitAsync(owner, entityId, write: true, ct);
        if (file is null || file.Length == 0)
            throw FazhiValidationException.For("file", "请选择要上传的文件");
        if (file.Length > Options.MaxBytes)
            throw new PayloadTooLargeException($"附件不能超过{LimitText}（本文件{FormatSize(file.Length)}）。");
        var name = Path.GetFileName(file.FileName ?? "").Trim();
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.Length is 0 or > FileNameLength)
            throw FazhiValidationException.For("file", $"文件名必填，不超过{FileNameLength}字");
        if (!Options.AcceptedExtensions.Contains(extension, StringComparer.Ordinal))
            throw FazhiValidationException.For("file", $"不接受“{(extension.Length == 0 ? "无扩展名" : extension)}”类型的文件；可上传：{string.Join("、", Options.AcceptedExtensions)}");
        var code = string.IsNullOrWhiteSpace(category) ? DefaultCategory : category.Trim();
        if (!await dictionaries.IsChoiceAsync(CategoryType, code, ct))
            throw FazhiValidationException.For("category", $"附件类别“{code}”不在字典“附件类别”的启用项中");

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(bytes, ct);
        var store = stores.First(s => s.Kind == (Options.Store.Equals("folder", StringComparison.OrdinalIgnoreCase) ? "folder" : "database"));
        var attachment = new Attachment
        {
            OrgUnitId = unit, Module = module, EntityType = entityType, EntityId = entityId, Category = code,
            FileName = name, ContentType = ContentTypeOf(extension), Size = bytes.Length, Sm3 = Security.GuoMi.Sm3Hex(bytes), Store = store.Kind,
            UploadedBy = db.Actor.UserName, UploadedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        await store.PutAsync(attachment, bytes, ct);
        db.Set<Attachment>().Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // No row, no file: a folder store must not keep bytes that no attachment names.
            db.Set<Attachment>().Entry(attachment).State = EntityState.Detached;
            await store.RemoveAsync(attachment, CancellationToken.None);
            throw;
        }
        return await ToDtoAsync(attachment, ct);
    }

    public async Task<List<AttachmentDto>> ListAsync(string module, string entityType, long entityId, CancellationToken ct)
    {
        await RecordUnitAsync(OwnerOf(module, entityType), entityId, write: false, ct);
        var rows = await Rows().Where(a => a.Module == module && a.EntityType == entityType && a.EntityId == entityId)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var list = new List<AttachmentDto>();
        foreach (var a in rows)
            list.Add(await ToDtoAsync(a, ct));
        return list;
    }

    public async Task<(Attachment Attachment, byte[] Bytes)> DownloadAsync(long id, CancellationToken ct)
    {
        var a = await FindAsync(id, write: false, ct);
        var bytes = await StoreOf(a).ReadAsync(a, ct);
        return (a, bytes);
    }

    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        var a = await FindAsync(id, write: true, ct);
        db.Set<Attachment>().Attach(a);
        db.Set<Attachment>().Remove(a);
        await db.SaveChangesAsync(ct);
        await StoreOf(a).RemoveAsync(a, ct);
    }

    /// <summary>The row without its bytes, visible to the caller (scope filter and the owner's own check).</summary>
    private async Task<Attachment> FindAsync(long id, bool write, CancellationToken ct)
    {
        var a = await Rows().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException($"附件（编号{id}）不存在或不在您的数据权限范围内。");
        var owner = owners.FirstOrDefault(o => o.Module == a.Module && o.EntityType == a.EntityType)
            ?? throw new NotFoundException($"附件（编号{id}）不存在或不在您的数据权限范围内。");
        await RecordUnitAsync(owner, a.EntityId, write, ct);
        return a;
    }

    private IQueryable<Attachment> Rows() => db.Set<Attachment>().AsNoTracking().Select(a => new Attachment
    {
        Id = a.Id, OrgUnitId = a.OrgUnitId, Module = a.Module, EntityType = a.EntityType, EntityId = a.EntityId, Category = a.Category,
        FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Sm3 = a.Sm3, Store = a.Store, StorageKey = a.StorageKey,
        UploadedBy = a.UploadedBy, UploadedAtUtc = a.UploadedAtUtc,
    });

    private IAttachmentStore StoreOf(Attachment a) => stores.First(s => s.Kind == a.Store);

    private async Task<AttachmentDto> ToDtoAsync(Attachment a, CancellationToken ct) =>
        new(a.Id, a.Module, a.EntityType, a.EntityId, a.Category, await dictionaries.LabelAsync(CategoryType, a.Category, ct),
            a.FileName, a.ContentType, a.Size, a.Sm3, a.UploadedBy, ChinaTime.Format(a.UploadedAtUtc));

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".pdf" => "application/pdf",
        ".ofd" => "application/ofd",
        ".doc" => "application/msword",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls" => "application/vnd.ms-excel",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".txt" => "text/plain",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };
}
