using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Messages.Pages;

/// <summary>站内消息: the signed-in user's own reminders, newest first.</summary>
[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class MessagesModel(MessageService messages) : FazhiPageModel
{
    public List<MessageDto> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await messages.ListAsync(Unread, 200, ct);

    /// <summary>Opens a message: marks it read and follows its link.</summary>
    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (await TryAsync(() => messages.MarkReadAsync(id, ct)) is { } m)
            return Redirect(m.Link is { Length: > 0 } link && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : "/messages");
        Items = await messages.ListAsync(Unread, 200, ct);
        return Page();
    }

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var n = await messages.MarkAllReadAsync(ct);
        Message = $"已将{n}条消息标为已读。";
        return RedirectToPage();
    }
}
