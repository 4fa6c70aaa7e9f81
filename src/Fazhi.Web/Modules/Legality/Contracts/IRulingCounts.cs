namespace Fazhi.Web.Modules.Legality.Contracts;

/// <summary>
/// 12345 疑难工单裁定意见 ("7 rulings on 12345 hard cases", [000]): made in the 12345 module, counted here. Legality reads
/// the count through this interface only; the 12345 module (or the lead, when merging) registers an implementation
/// that answers from its own records. Until then <see cref="NoRulingCounts"/> answers 0.
/// </summary>
public interface IRulingCounts
{
    /// <summary>Rulings made in [from, to] by units whose path starts with <paramref name="orgPath"/>.</summary>
    Task<int> CountAsync(string orgPath, DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>The default until the 12345 module publishes its count.</summary>
public sealed class NoRulingCounts : IRulingCounts
{
    public Task<int> CountAsync(string orgPath, DateOnly from, DateOnly to, CancellationToken ct) => Task.FromResult(0);
}
