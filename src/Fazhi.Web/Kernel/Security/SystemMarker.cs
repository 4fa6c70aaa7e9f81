using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Kernel.Security;

/// <summary>A fact the platform records about its own data, by key (<c>sys_markers</c>): e.g. that the start-up
/// encryption pass has finished a table for a given set of encrypted columns and key version.</summary>
public sealed class SystemMarker
{
    public const int KeyLength = 200, ValueLength = 2000;

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class SystemMarkerConfiguration : IEntityTypeConfiguration<SystemMarker>
{
    public void Configure(EntityTypeBuilder<SystemMarker> b)
    {
        b.ToTable("sys_markers");
        b.HasKey(m => m.Key);
        b.Property(m => m.Key).HasMaxLength(SystemMarker.KeyLength);
        b.Property(m => m.Value).HasMaxLength(SystemMarker.ValueLength);
    }
}
