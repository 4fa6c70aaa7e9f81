using System.Security.Claims;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;

namespace Fazhi.Web.Kernel.Web;

/// <summary>A menu section of one business line; each module declares its own in its manifest.</summary>
public sealed record NavSection(string Title, int Order, IReadOnlyList<NavItem> Items);

/// <summary>A menu entry (菜单权限): shown only to users who hold <see cref="Permission"/>.</summary>
public sealed record NavItem(string Title, string Href, string Permission);

/// <summary>机构切换: the units a user above town level may narrow their view to, and the current choice.</summary>
public sealed class OrgSwitcher(FazhiDb db, IHttpContextAccessor http)
{
    public sealed record Option(string Path, string Label);

    public async Task<(IReadOnlyList<Option> Options, string? Selected)> GetAsync(CancellationToken ct)
    {
        var user = http.HttpContext?.User;
        var own = user?.FindFirstValue(FazhiClaims.ScopePath);
        if (user is null || own is null)
            return ([], null);
        var units = (await db.Orgs.UnderAsync(own, ct, OrgKind.Province, OrgKind.City, OrgKind.District)).Where(o => o.IsActive).ToList();
        if (units.Count <= 1)
            return ([], null);
        http.HttpContext!.Request.Cookies.TryGetValue(FazhiClaims.SelectedOrgCookie, out var selected);
        var minDepth = units.Min(u => u.Depth);
        return ([.. units.Select(u => new Option(u.Path, new string('\u3000', u.Depth - minDepth) + u.Name))], selected);
    }
}
