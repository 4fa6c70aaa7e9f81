namespace Fazhi.Web.Modules.Legality.Contracts;

/// <summary>
/// 12345 疑难工单裁定意见 ("7 rulings on 12345 hard cases", [000]): made in the 12345 module, counted here. Legality reads
/// the count through this interface only; <c>Features/HotlineRulingCounts</c> answers it from the 12345 module's
/// <c>Contracts/IHotlineRulings</c>.
/// </summary>
public interface IRulingCounts
{
    /// <summary>Rulings made in [from, to] by units whose path starts with <paramref name="orgPath"/>.</summary>
    Task<int> CountAsync(string orgPath, DateOnly from, DateOnly to, CancellationToken ct);
}
