using Fazhi.Web.Data;
using Fazhi.Web.Modules.Hotline.Contracts;

namespace Fazhi.Web.Modules.Legality.Features;

/// <summary>
/// 12345 疑难工单裁定意见 as the 12345 module counts them (<see cref="IHotlineRulings"/>, its published contract): the
/// figure "出具12345热线反映难点事项裁定意见7件" ([000]) comes from the 会商 records, not from a number typed here.
/// </summary>
public sealed class HotlineRulingCounts(IHotlineRulings hotline, FazhiDb db) : Contracts.IRulingCounts
{
    public async Task<int> CountAsync(string orgPath, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var unit = await db.Orgs.FindByPathAsync(orgPath, ct); // null: the top of the caller's scope is the whole tree
        return (await hotline.CountAsync(unit?.Code, from, to, ct)).RulingsIssued;
    }
}
