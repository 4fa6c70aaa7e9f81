using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Attachments;

/// <summary>附件: a file attached to one record of one module (module, entity type, entity id), in the record's unit so
/// that data scope applies. The bytes are in <see cref="Content"/> (database store) or in the shared folder
/// (<see cref="StorageKey"/>); the audit log keeps their SM3 digest, never the bytes.</summary>
public sealed class Attachment : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    /// <summary>The owning module's code (<c>recon</c>).</summary>
    public required string Module { get; set; }

    /// <summary>The owning record's kind within the module (<c>case</c>).</summary>
    public required string EntityType { get; set; }

    public long EntityId { get; set; }

    /// <summary>附件类别, a code of the dictionary <c>system.attachment_category</c>.</summary>
    public required string Category { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SM3 digest of the bytes, lower-case hex.</summary>
    public required string Sm3 { get; set; }

    /// <summary>Where the bytes are: <c>database</c> or <c>folder</c>.</summary>
    public required string Store { get; set; }

    /// <summary>The file's path under the configured folder (folder store only).</summary>
    public string? StorageKey { get; set; }

    /// <summary>The bytes (database store only); read only when downloading.</summary>
    public byte[]? Content { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>
/// A kind of record files can be attached to, registered by its module (one class per entity type). The Kernel refuses
/// any (module, entity type) without an owner, and asks the owner, through the module's own scoped query, whether the
/// caller may see the record.
/// </summary>
public interface IAttachmentOwner
{
    string Module { get; }

    string EntityType { get; }

    /// <summary>Needed to list and download the record's files.</summary>
    string ViewPermission { get; }

    /// <summary>Needed to upload and delete.</summary>
    string AttachPermission { get; }

    /// <summary>The record's unit if the caller may see it (the module's scoped query), else null.</summary>
    Task<int?> FindAsync(long entityId, CancellationToken ct);

    /// <summary>Refuses an upload or delete the record no longer accepts (an archived case): throws a
    /// <see cref="Web.ConflictException"/> with a Chinese message. By default every write is accepted.</summary>
    Task EnsureWritableAsync(long entityId, CancellationToken ct) => Task.CompletedTask;
}
