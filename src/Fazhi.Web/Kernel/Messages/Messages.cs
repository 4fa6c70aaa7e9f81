using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Messages;

/// <summary>站内消息: a reminder to one user (a deadline near, an approval waiting, a warning assigned).</summary>
public sealed class Message
{
    public long Id { get; set; }

    /// <summary>The recipient's login name.</summary>
    public required string Recipient { get; set; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary>Where the reminder leads (a path inside the app).</summary>
    public string? Link { get; set; }

    /// <summary>The sending module's code.</summary>
    public required string Module { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }
}

public sealed record MessageDto(long Id, string Title, string? Body, string? Link, string Module, string CreatedAt, string? ReadAt);

/// <summary>What other code calls to remind users. Messages are added to the current unit of work and saved with it.</summary>
public interface IMessages
{
    /// <summary>Sends one message to each named user (unknown and duplicate names are skipped).</summary>
    Task SendAsync(string module, IEnumerable<string> userNames, string title, string? body, string? link, CancellationToken ct);

    /// <summary>Sends to every active user holding <paramref name="permission"/> whose scope covers the unit
    /// (the unit's own users and those of the units above it), except the caller.</summary>
    Task SendToHoldersAsync(string module, string permission, int orgUnitId, string title, string? body, string? link, CancellationToken ct);

    Task<int> UnreadCountAsync(CancellationToken ct);
}

public sealed class MessageService(FazhiDb db) : IMessages
{
    public const int TitleLength = 100;
    public const int BodyLength = 1000;

    private string Me => db.Actor.UserName;

    public async Task SendAsync(string module, IEnumerable<string> userNames, string title, string? body, string? link, CancellationToken ct)
    {
        var names = userNames.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Users.AsNoTracking().Where(u => u.IsActive && names.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var name in known)
            db.Set<Message>().Add(new Message
            {
                Recipient = name, Module = module, Title = Cut(title, TitleLength), Body = body is null ? null : Cut(body, BodyLength),
                Link = link, CreatedAtUtc = now,
            });
        await db.SaveChangesAsync(ct);
    }

    public async Task SendToHoldersAsync(string module, string permission, int orgUnitId, string title, string? body, string? link, CancellationToken ct)
    {
        // The recipients sit at or above the record's unit, outside the sender's own scope: read the tree unfiltered.
        var path = (await db.Orgs.FindAsync(orgUnitId, ct))?.Path;
        if (path is null)
            return;
        var roleIds = db.RolePermissions.Where(p => p.Permission == permission).Select(p => p.RoleId);
        var candidates = await (
            from u in db.Users.ForJointWork().AsNoTracking() // users and their units above the sender's scope
            where u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))
            join o in db.OrgUnits on u.OrgUnitId equals o.Id into units
            from o in units.DefaultIfEmpty()
            select new { u.UserName, UnitPath = o == null ? null : o.Path, u.OrgUnitId }).ToListAsync(ct);
        var recipients = candidates
            .Where(c => c.UserName != Me && (c.OrgUnitId is null || (c.UnitPath is not null && path.StartsWith(c.UnitPath, StringComparison.Ordinal))))
            .Select(c => c.UserName!);
        await SendAsync(module, recipients, title, body, link, ct);
    }

    public Task<int> UnreadCountAsync(CancellationToken ct) =>
        db.Set<Message>().CountAsync(m => m.Recipient == Me && m.ReadAtUtc == null, ct);

    public async Task<List<MessageDto>> ListAsync(bool unreadOnly, int take, CancellationToken ct)
    {
        var q = db.Set<Message>().AsNoTracking().Where(m => m.Recipient == Me);
        if (unreadOnly)
            q = q.Where(m => m.ReadAtUtc == null);
        var rows = await q.OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return [.. rows.Select(ToDto)];
    }

    /// <summary>Marks one of the caller's messages read; another user's message does not exist for them (404).</summary>
    public async Task<MessageDto> MarkReadAsync(long id, CancellationToken ct)
    {
        var m = await db.Set<Message>().FirstOrDefaultAsync(x => x.Id == id && x.Recipient == Me, ct)
            ?? throw new NotFoundException($"消息（编号{id}）不存在。");
        if (m.ReadAtUtc is null)
        {
            m.ReadAtUtc = db.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return ToDto(m);
    }

    public Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        // Read marks are the recipient's bookkeeping, not a change to a record: set-based, not audited one by one.
        return db.Set<Message>().Where(m => m.Recipient == Me && m.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAtUtc, now), ct);
    }

    private static MessageDto ToDto(Message m) =>
        new(m.Id, m.Title, m.Body, m.Link, m.Module, ChinaTime.Format(m.CreatedAtUtc), m.ReadAtUtc is { } r ? ChinaTime.Format(r) : null);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}

public static class MessageEndpoints
{
    public static void MapMessages(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/messages").WithTags("站内消息");

        g.MapGet("", (bool? unread, int? take, MessageService messages, CancellationToken ct) => messages.ListAsync(unread == true, take ?? 100, ct))
            .WithSummary("我的站内消息（最新在前；unread=true只列未读）").RequirePermission(PermissionPolicies.SignedIn);

        g.MapGet("/unread-count", async (MessageService messages, CancellationToken ct) => new { count = await messages.UnreadCountAsync(ct) })
            .WithSummary("我的未读消息数").RequirePermission(PermissionPolicies.SignedIn);

        g.MapPost("/{id:long}/read", (long id, MessageService messages, CancellationToken ct) => messages.MarkReadAsync(id, ct))
            .WithSummary("标为已读").RequirePermission(PermissionPolicies.SignedIn);

        g.MapPost("/read-all", async (MessageService messages, CancellationToken ct) => new { count = await messages.MarkAllReadAsync(ct) })
            .WithSummary("全部标为已读").RequirePermission(PermissionPolicies.SignedIn);
    }
}
