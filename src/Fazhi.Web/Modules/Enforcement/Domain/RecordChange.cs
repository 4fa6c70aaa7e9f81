using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>修改记录: one field of a stored enforcement record that a re-sent record changed, with its value before
/// and after (a penalty from 1,000 to 10 keeps the 1,000). Written set-based by the batch's merge (ADR 0003), in the
/// same transaction, so the before-image is kept without an audit entry per record; never edited afterwards.</summary>
public sealed class RecordChange : IOrgOwned
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    /// <summary>The department the record belongs to (the scope of whoever reads the history).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The batch that re-sent the record (its audit entry names the sender).</summary>
    public long BatchId { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    public required string ChangedBy { get; set; }

    /// <summary>The column changed (snake case, as the batch merge names it: <c>amount_fen</c>).</summary>
    public required string Field { get; set; }

    /// <summary>The value before, as text (dates yyyy-MM-dd, flags 1/0, amounts in 分); null when it was empty.</summary>
    public string? Before { get; set; }

    public string? After { get; set; }
}
