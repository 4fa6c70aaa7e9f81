using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Attachments;

/// <summary>Where attachment bytes live. Chosen by <c>Fazhi:Attachments:Store</c> (<c>database</c>, the default, or
/// <c>folder</c> with <c>Fazhi:Attachments:Folder</c> shared by every instance).</summary>
public interface IAttachmentStore
{
    string Kind { get; }

    /// <summary>Puts the bytes where they belong before the row is saved (the row carries them, or their key).</summary>
    Task PutAsync(Attachment attachment, byte[] bytes, CancellationToken ct);

    Task<byte[]> ReadAsync(Attachment attachment, CancellationToken ct);

    /// <summary>After the row is deleted.</summary>
    Task RemoveAsync(Attachment attachment, CancellationToken ct);
}

public sealed class AttachmentOptions
{
    public string Store { get; set; } = "database";

    public string? Folder { get; set; }

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    public static IReadOnlyList<string> DefaultExtensions { get; } =
        [".pdf", ".ofd", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".txt", ".jpg", ".jpeg", ".png", ".zip"];

    /// <summary>Accepted file types as configured (extensions, lower case). Empty by default: the configuration binder
    /// appends to an array it finds filled, so a configured list would add to the defaults instead of replacing them.</summary>
    public string[] Extensions { get; set; } = [];

    /// <summary>What uploads are checked against: the configured list, or <see cref="DefaultExtensions"/> when none is.</summary>
    public IReadOnlyList<string> AcceptedExtensions => Extensions.Length > 0 ? Extensions : DefaultExtensions;
}

public sealed class DatabaseAttachmentStore(FazhiDb db) : IAttachmentStore
{
    public string Kind => "database";

    public Task PutAsync(Attachment attachment, byte[] bytes, CancellationToken ct)
    {
        attachment.Content = bytes;
        return Task.CompletedTask;
    }

    public async Task<byte[]> ReadAsync(Attachment attachment, CancellationToken ct) =>
        await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == attachment.Id).Select(a => a.Content).FirstOrDefaultAsync(ct) ?? [];

    public Task RemoveAsync(Attachment attachment, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Files under one folder every instance mounts (NFS/SMB). Named by digest and a random part, never by the
/// user's file name.</summary>
public sealed class FolderAttachmentStore(Microsoft.Extensions.Options.IOptions<AttachmentOptions> options, TimeProvider clock) : IAttachmentStore
{
    public string Kind => "folder";

    private string Root => options.Value.Folder is { Length: > 0 } f
        ? Path.GetFullPath(f)
        : throw new InvalidOperationException("Fazhi:Attachments:Store=folder 需要配置 Fazhi:Attachments:Folder（各实例共享的目录）。");

    public async Task PutAsync(Attachment attachment, byte[] bytes, CancellationToken ct)
    {
        var key = Path.Combine(ChinaTime.Now(clock).ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            attachment.Sm3[..16] + "-" + Guid.NewGuid().ToString("N")[..12]);
        var path = Path.Combine(Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);
        attachment.StorageKey = key.Replace('\\', '/');
    }

    public async Task<byte[]> ReadAsync(Attachment attachment, CancellationToken ct) =>
        await File.ReadAllBytesAsync(Resolve(attachment), ct);

    public Task RemoveAsync(Attachment attachment, CancellationToken ct)
    {
        File.Delete(Resolve(attachment));
        return Task.CompletedTask;
    }

    private string Resolve(Attachment a)
    {
        var path = Path.GetFullPath(Path.Combine(Root, a.StorageKey ?? throw new InvalidOperationException("附件缺少存储位置。")));
        return path.StartsWith(Root, StringComparison.Ordinal) ? path : throw new InvalidOperationException("附件存储位置无效。");
    }
}
