using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Orgs;

public static class OrgScopeQueries
{
    /// <summary>The path of the unit with this code, for narrowing a list to it and below. The set is the caller's
    /// scoped tree, so a unit outside the scope answers 404 like one that does not exist.</summary>
    public static async Task<string> PathOfAsync(this IQueryable<OrgUnit> scopedUnits, string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        return await scopedUnits.Where(o => o.Code == trimmed).Select(o => o.Path).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"机构“{trimmed}”不存在或不在您的数据权限范围内。");
    }
}
