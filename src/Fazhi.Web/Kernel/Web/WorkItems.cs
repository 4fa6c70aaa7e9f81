using System.Security.Claims;

namespace Fazhi.Web.Kernel.Web;

/// <summary>我的待办: what the home page groups its cards by.</summary>
public enum WorkItemKind
{
    /// <summary>期限：即将到期、已逾期.</summary>
    Deadline,
    /// <summary>待审批 (局领导).</summary>
    Approval,
    /// <summary>预警：待反馈、待销号.</summary>
    Warning,
}

/// <summary>A card of 我的待办: how many items wait, and the list (<see cref="Href"/>) that shows them. Shown only to
/// users who hold <see cref="Permission"/>, the permission of that list.</summary>
public sealed record WorkItem(WorkItemKind Kind, string Label, long Count, string Href, string Permission, string Tag = "tag-info");

/// <summary>Each module publishes its own 待办 (registered in its <c>Add</c>), so the Kernel's home page needs no module.
/// A source leaves out the cards the user may not act on (and need not count them).</summary>
public interface IWorkItemSource
{
    Task<IReadOnlyList<WorkItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct);
}
