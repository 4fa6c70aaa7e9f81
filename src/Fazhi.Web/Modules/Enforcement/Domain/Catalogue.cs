using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>
/// 执法事项: one entry of a region's 执法事项清单, or of the 赋权镇街执法事项清单 when <see cref="TownLevel"/> is set.
/// Owned by the region (or its 司法局) that publishes the catalogue; a department's records name items of the
/// catalogues of the regions above it.
/// </summary>
public sealed class EnforcementItem : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    /// <summary>事项编码, unique within the owning unit's catalogue.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>执法领域 (e.g. 市场监管, 生态环境, 城市管理).</summary>
    public required string Field { get; set; }

    /// <summary>法律依据.</summary>
    public required string LegalBasis { get; set; }

    /// <summary>实施主体 (the responsible department, by name).</summary>
    public string? ResponsibleDepartment { get; set; }

    /// <summary>赋权镇街事项.</summary>
    public bool TownLevel { get; set; }

    /// <summary>承接镇街类别 (一类/二类/三类) for a town-level item.</summary>
    public string? TownClass { get; set; }

    /// <summary>承接镇街, names joined by 、.</summary>
    public string? ReceivingTowns { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>裁量基准: for each circumstance level, the allowed fine range (行政处罚法 第三十四条).</summary>
    public List<DiscretionLevel> Benchmarks { get; set; } = [];

    public DiscretionLevel? LevelOf(string? circumstance) =>
        circumstance is null ? null : Benchmarks.FirstOrDefault(b => b.Level == circumstance.Trim());
}

/// <summary>One level of a 裁量基准: e.g. 一般 → ¥5,000–¥20,000.</summary>
public sealed class DiscretionLevel
{
    public required string Level { get; set; }

    public long MinFen { get; set; }

    public long MaxFen { get; set; }

    public string? Description { get; set; }

    public bool Allows(long amountFen) => amountFen >= MinFen && amountFen <= MaxFen;
}
