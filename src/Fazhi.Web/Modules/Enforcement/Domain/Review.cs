using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>案卷评查 scoring template: items with their points (满分 = the sum).</summary>
public sealed class ReviewTemplate : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    public required string Name { get; set; }

    public List<ReviewTemplateItem> Items { get; set; } = [];

    public decimal FullMarks => Items.Sum(i => i.Points);
}

public sealed class ReviewTemplateItem
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public decimal Points { get; set; }
}

/// <summary>抽样 (双随机): a reproducible draw. The same seed over the same filter draws the same records.</summary>
public sealed class SamplingDraw : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    public required string Name { get; set; }

    public long Seed { get; set; }

    /// <summary>The filter the population was taken from (JSON of <c>RecordFilter</c>).</summary>
    public required string FilterJson { get; set; }

    public int? RequestedCount { get; set; }

    public decimal? RequestedPercent { get; set; }

    public int Population { get; set; }

    public int Drawn { get; set; }

    public long? TemplateId { get; set; }

    public DateTime AtUtc { get; set; }

    public required string DrawnBy { get; set; }

    public List<SampledRecord> Records { get; set; } = [];
}

/// <summary>A record drawn for 案卷评查, and its score once reviewed.</summary>
public sealed class SampledRecord : IOrgOwned
{
    public long Id { get; set; }

    public long DrawId { get; set; }

    public long RecordId { get; set; }

    /// <summary>The record's department.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>Position in the draw (0 = first drawn).</summary>
    public int Rank { get; set; }

    public decimal? Score { get; set; }

    /// <summary>Points per template item, JSON {"code": points}.</summary>
    public string? ItemScoresJson { get; set; }

    public string? Problems { get; set; }

    public string? Reviewer { get; set; }

    public DateOnly? ReviewedOn { get; set; }
}
