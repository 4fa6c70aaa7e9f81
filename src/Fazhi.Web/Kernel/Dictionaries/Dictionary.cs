using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Dictionaries;

/// <summary>字典类型 (RuoYi 字典): a configurable category list such as <c>mediation.dispute_category</c>, declared by a
/// module in its manifest and seeded once; the same for every unit, so only the platform administrator edits it.</summary>
public sealed class DictType : IPlatformWide
{
    /// <summary>Stable code, <c>module.name</c> (e.g. <c>system.attachment_category</c>).</summary>
    public required string Code { get; set; }

    /// <summary>中文名 (附件类别).</summary>
    public required string Name { get; set; }

    /// <summary>The declaring module's code.</summary>
    public required string Module { get; set; }

    public DateTime FirstSeenUtc { get; set; }
}

/// <summary>字典数据: one entry of a type — its code (stored in records and imports), label (shown), order and validity.</summary>
public sealed class DictItem : IPlatformWide
{
    public long Id { get; set; }

    public required string TypeCode { get; set; }

    public required string Code { get; set; }

    public required string Label { get; set; }

    public int SortOrder { get; set; }

    /// <summary>停用 entries stay readable (old records keep their label) but are not offered for new records.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>有效期起 (inclusive), or none.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>有效期止 (inclusive), or none.</summary>
    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly day) => IsActive && (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>A dictionary type a module declares (<see cref="Modules.ModuleManifest.Dictionaries"/>), with its default items.</summary>
public sealed record DictTypeDef(string Code, string Name, IReadOnlyList<DictItemDef> Items);

/// <summary>A default item; the declaration order is the default display order.</summary>
public sealed record DictItemDef(string Code, string Label);
