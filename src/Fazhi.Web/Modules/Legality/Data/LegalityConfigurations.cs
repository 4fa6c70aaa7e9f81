using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Legality.Data;

// Tables of this module carry the prefix leg_.

internal sealed class ReviewMatterConfiguration : IEntityTypeConfiguration<ReviewMatter>
{
    public void Configure(EntityTypeBuilder<ReviewMatter> b)
    {
        b.ToTable("leg_matters");
        b.Property(m => m.Number).HasMaxLength(64);
        b.HasIndex(m => m.Number).IsUnique();
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.Conclusion).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Summary).HasMaxLength(2000);
        b.Property(m => m.SubmittedBy).HasMaxLength(64);
        b.Property(m => m.ReviewerUserName).HasMaxLength(64);
        b.Property(m => m.Advisers).HasMaxLength(200);
        b.Property(m => m.OpinionNumber).HasMaxLength(64);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.AdoptedCount);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.ReviewOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Comments).WithOne().HasForeignKey(c => c.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Pauses).WithOne().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.OrgUnitId, m.SubmittedOn });
        b.HasIndex(m => new { m.OrgUnitId, m.OpinionIssuedOn });
        b.HasIndex(m => m.Status);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> b)
    {
        b.ToTable("leg_comments");
        b.Property(c => c.Clause).HasMaxLength(100);
        b.Property(c => c.Text).HasMaxLength(2000);
        b.Property(c => c.Author).HasMaxLength(64);
        b.Property(c => c.Adoption).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.AdoptionReason).HasMaxLength(1000);
        b.HasIndex(c => new { c.MatterId, c.Seq }).IsUnique();
    }
}

internal sealed class MaterialPauseConfiguration : IEntityTypeConfiguration<MaterialPause>
{
    public void Configure(EntityTypeBuilder<MaterialPause> b)
    {
        b.ToTable("leg_pauses");
        b.Property(p => p.Items).HasMaxLength(1000);
    }
}

internal sealed class MatterEventConfiguration : IEntityTypeConfiguration<MatterEvent>
{
    public void Configure(EntityTypeBuilder<MatterEvent> b)
    {
        b.ToTable("leg_matter_events");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Note).HasMaxLength(2000);
    }
}

internal sealed class NormativeDocumentConfiguration : IEntityTypeConfiguration<NormativeDocument>
{
    public void Configure(EntityTypeBuilder<NormativeDocument> b)
    {
        b.ToTable("leg_documents");
        b.Property(d => d.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Meeting).HasMaxLength(100);
        b.Property(d => d.DocumentNumber).HasMaxLength(64);
        b.Property(d => d.Evaluation).HasMaxLength(2000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.InForce);
        b.Ignore(d => d.FullyFiled);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewMatter>().WithMany().HasForeignKey(d => d.ReviewMatterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.OrgUnitId, d.PublishedOn });
        b.HasIndex(d => d.Status);
    }
}

internal sealed class DocumentEventConfiguration : IEntityTypeConfiguration<DocumentEvent>
{
    public void Configure(EntityTypeBuilder<DocumentEvent> b)
    {
        b.ToTable("leg_document_events");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Note).HasMaxLength(2000);
    }
}

internal sealed class CleanupCampaignConfiguration : IEntityTypeConfiguration<CleanupCampaign>
{
    public void Configure(EntityTypeBuilder<CleanupCampaign> b)
    {
        b.ToTable("leg_cleanups");
        b.Property(c => c.Title).HasMaxLength(200);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CleanupItemConfiguration : IEntityTypeConfiguration<CleanupItem>
{
    public void Configure(EntityTypeBuilder<CleanupItem> b)
    {
        b.ToTable("leg_cleanup_items");
        b.Property(i => i.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Note).HasMaxLength(500);
        b.HasOne<NormativeDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.CampaignId, i.DocumentId }).IsUnique();
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.ToTable("leg_contracts");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Code).HasMaxLength(64);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Counterparty).HasMaxLength(200);
        b.Property(c => c.KeyClauses).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.OrgUnitId, c.Code }).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewMatter>().WithMany().HasForeignKey(c => c.ReviewMatterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpinionDocumentConfiguration : IEntityTypeConfiguration<OpinionDocument>
{
    public void Configure(EntityTypeBuilder<OpinionDocument> b)
    {
        b.ToTable("leg_opinions");
        b.Property(d => d.Number).HasMaxLength(64);
        b.HasIndex(d => d.Number).IsUnique();
        b.Property(d => d.CreatedBy).HasMaxLength(64);
        b.HasOne<ReviewMatter>().WithMany().HasForeignKey(d => d.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NumberCounterConfiguration : IEntityTypeConfiguration<LegalityCounter>
{
    public void Configure(EntityTypeBuilder<LegalityCounter> b)
    {
        b.ToTable("leg_counters");
        b.HasKey(c => new { c.OrgUnitId, c.Year, c.Kind });
        b.Property(c => c.Kind).HasMaxLength(16);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

/// <summary>审核意见书 as generated (.docx, GB/T 9704 layout), kept with its matter.</summary>
public sealed class OpinionDocument : Kernel.Access.IOrgOwned
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    /// <summary>The matter's unit, so the submitter sees the opinion it received.</summary>
    public int OrgUnitId { get; set; }
    public required string Number { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>编号计数器 per reviewing body, year and kind ("matter", "opinion"): a number is never given twice.</summary>
public sealed class LegalityCounter : Kernel.Access.IOrgOwned
{
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public required string Kind { get; set; }
    public int Last { get; set; }
    public int Version { get; set; }
}

public static class LegalitySets
{
    public static DbSet<ReviewMatter> Matters(this FazhiDb db) => db.Set<ReviewMatter>();
    public static DbSet<NormativeDocument> NormativeDocuments(this FazhiDb db) => db.Set<NormativeDocument>();
    public static DbSet<Contract> LegContracts(this FazhiDb db) => db.Set<Contract>();
    public static DbSet<CleanupCampaign> Cleanups(this FazhiDb db) => db.Set<CleanupCampaign>();
    public static DbSet<OpinionDocument> Opinions(this FazhiDb db) => db.Set<OpinionDocument>();
    public static DbSet<LegalityCounter> LegCounters(this FazhiDb db) => db.Set<LegalityCounter>();
}
