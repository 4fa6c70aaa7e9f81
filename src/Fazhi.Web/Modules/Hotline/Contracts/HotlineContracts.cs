namespace Fazhi.Web.Modules.Hotline.Contracts;

/// <summary>
/// What 12345 热线 publishes for other modules (合法性审查 counts the bureau's 会商研判 and 裁定意见 — [000]: "出具12345热线
/// 反映难点事项裁定意见7件"). Counts are within the caller's data scope.
/// </summary>
public interface IHotlineRulings
{
    /// <summary>会商 held (会商日期 in the period) and 裁定意见 issued (裁定日期 in the period, written rulings only) by the
    /// bureaus under the unit with this org code (null: the caller's whole scope), from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive. Throws not found for a unit outside the scope, a validation error (field "to")
    /// for a period that ends before it starts.</summary>
    Task<RulingCount> CountAsync(string? orgCode, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>The 裁定意见 issued in the period, oldest first: number, title, date, responsible department.</summary>
    Task<IReadOnlyList<RulingItem>> ListAsync(string? orgCode, DateOnly from, DateOnly to, CancellationToken ct);
}

public sealed record RulingCount(string Org, int ConsultationsHeld, int RulingsIssued);

public sealed record RulingItem(long ConsultationId, string Number, string Title, DateOnly RuledOn, string Responsible);
