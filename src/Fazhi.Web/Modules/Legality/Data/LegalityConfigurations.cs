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
        b.Property(m => m.MeetingType).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.CommentSource).HasConversion<string>().HasMaxLength(16);
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
        b.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.KeyProjectName).HasMaxLength(200);
        b.Ignore(c => c.Open);
        b.HasMany(c => c.Milestones).WithOne().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Breaches).WithOne().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.OrgUnitId, c.FiledOn });
    }
}

internal sealed class DecisionCatalogConfiguration : IEntityTypeConfiguration<DecisionCatalog>
{
    public void Configure(EntityTypeBuilder<DecisionCatalog> b)
    {
        b.ToTable("leg_decision_catalogs");
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.AdoptedBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.OrgUnitId, c.Year }).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MajorDecisionConfiguration : IEntityTypeConfiguration<MajorDecision>
{
    public void Configure(EntityTypeBuilder<MajorDecision> b)
    {
        b.ToTable("leg_decisions");
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Summary).HasMaxLength(2000);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Meeting).HasMaxLength(100);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DecisionCatalog>().WithMany().HasForeignKey(d => d.CatalogId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewMatter>().WithMany().HasForeignKey(d => d.ReviewMatterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.OrgUnitId, d.Year });
    }
}

internal sealed class DecisionStepRecordConfiguration : IEntityTypeConfiguration<DecisionStepRecord>
{
    public void Configure(EntityTypeBuilder<DecisionStepRecord> b)
    {
        b.ToTable("leg_decision_steps");
        b.Property(s => s.Step).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Record).HasMaxLength(2000);
        b.Property(s => s.Actor).HasMaxLength(64);
    }
}

internal sealed class LegalAdviserConfiguration : IEntityTypeConfiguration<LegalAdviser>
{
    public void Configure(EntityTypeBuilder<LegalAdviser> b)
    {
        b.ToTable("leg_advisers");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Name).HasMaxLength(64);
        b.Property(a => a.Firm).HasMaxLength(200);
        b.Property(a => a.LicenseNo).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Communities).WithOne().HasForeignKey(c => c.AdviserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.OrgUnitId, a.Kind });
    }
}

internal sealed class AdviserCommunityConfiguration : IEntityTypeConfiguration<AdviserCommunity>
{
    public void Configure(EntityTypeBuilder<AdviserCommunity> b)
    {
        b.ToTable("leg_adviser_communities");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.AdviserId, c.CommunityId }).IsUnique();
    }
}

internal sealed class AdviserWorkConfiguration : IEntityTypeConfiguration<AdviserWork>
{
    public void Configure(EntityTypeBuilder<AdviserWork> b)
    {
        b.ToTable("leg_adviser_work");
        b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(w => w.Subject).HasMaxLength(200);
        b.Property(w => w.Court).HasMaxLength(100);
        b.Property(w => w.CaseNumber).HasMaxLength(64);
        b.HasOne<LegalAdviser>().WithMany().HasForeignKey(w => w.AdviserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(w => w.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewMatter>().WithMany().HasForeignKey(w => w.ReviewMatterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => new { w.OrgUnitId, w.On });
    }
}

internal sealed class AdviserEvaluationConfiguration : IEntityTypeConfiguration<AdviserEvaluation>
{
    public void Configure(EntityTypeBuilder<AdviserEvaluation> b)
    {
        b.ToTable("leg_adviser_evaluations");
        b.Property(e => e.Grade).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.Property(e => e.EvaluatedBy).HasMaxLength(64);
        b.HasOne<LegalAdviser>().WithMany().HasForeignKey(e => e.AdviserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.AdviserId, e.Year }).IsUnique();
    }
}

internal sealed class ContractMilestoneConfiguration : IEntityTypeConfiguration<ContractMilestone>
{
    public void Configure(EntityTypeBuilder<ContractMilestone> b)
    {
        b.ToTable("leg_contract_milestones");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Note).HasMaxLength(500);
        b.HasIndex(m => new { m.ContractId, m.DueOn });
    }
}

internal sealed class ContractBreachConfiguration : IEntityTypeConfiguration<ContractBreach>
{
    public void Configure(EntityTypeBuilder<ContractBreach> b)
    {
        b.ToTable("leg_contract_breaches");
        b.Property(x => x.Clause).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Handling).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(64);
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
