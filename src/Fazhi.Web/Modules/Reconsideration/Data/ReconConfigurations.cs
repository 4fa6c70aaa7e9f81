using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Reconsideration.Data;

// Tables of this module carry the prefix recon_.

internal sealed class ReconCaseConfiguration : IEntityTypeConfiguration<ReconCase>
{
    public void Configure(EntityTypeBuilder<ReconCase> b)
    {
        b.ToTable("recon_cases");
        b.Property(c => c.CaseNumber).HasMaxLength(64);
        b.HasIndex(c => c.CaseNumber).IsUnique();
        b.Property(c => c.ApplicantKind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ApplicantName).HasMaxLength(100);
        b.Property(c => c.ApplicantIdNumber).HasMaxLength(18);
        b.Property(c => c.ApplicantPhone).HasMaxLength(20);
        b.Property(c => c.AgentName).HasMaxLength(100);
        b.Property(c => c.RespondentName).HasMaxLength(64);
        b.Property(c => c.Matter).HasMaxLength(500);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Procedure).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.SimplifiedGround).HasMaxLength(200);
        b.Property(c => c.ExtensionApprovedBy).HasMaxLength(64);
        b.Property(c => c.DecisionType).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.TerminationReason).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.AssigneeUserName).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.RespondentOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Suspensions).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.OrgUnitId, c.ReceivedOn });
        b.HasIndex(c => new { c.OrgUnitId, c.ClosedOn });
        b.HasIndex(c => new { c.OrgUnitId, c.AcceptedOn });
        b.HasIndex(c => c.Status);
        // ---- recon-rules (issue 15 §1, §2) ----
        b.Property(c => c.ActName).HasMaxLength(100);
        b.Property(c => c.ActDocumentNumber).HasMaxLength(64);
        b.Property(c => c.ActAgency).HasMaxLength(64);
        b.Property(c => c.IntakeToken).HasMaxLength(64);
        b.HasIndex(c => c.IntakeToken).IsUnique();
        b.Property(c => c.VoidReason).HasMaxLength(500);
        b.Property(c => c.DecisionMode).HasMaxLength(16);
        b.Property(c => c.DecidedBy).HasMaxLength(200);
        b.Property(c => c.CompetentBody).HasMaxLength(100);
        b.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>当事人 besides the first applicant (recon-rules, issue 15 §2).</summary>
internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> b)
    {
        b.ToTable("recon_parties");
        b.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.IdNumber).HasMaxLength(18);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.Authorisation).HasMaxLength(200);
        b.Property(p => p.ActsFor).HasMaxLength(100);
    }
}

internal sealed class SuspensionConfiguration : IEntityTypeConfiguration<Suspension>
{
    public void Configure(EntityTypeBuilder<Suspension> b)
    {
        b.ToTable("recon_suspensions");
        b.Property(s => s.Ground).HasMaxLength(500);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("recon_events");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.Action, e.On });
    }
}

internal sealed class LitigationCaseConfiguration : IEntityTypeConfiguration<LitigationCase>
{
    public void Configure(EntityTypeBuilder<LitigationCase> b)
    {
        b.ToTable("recon_litigation_cases");
        b.Property(c => c.Court).HasMaxLength(64);
        b.Property(c => c.CourtCaseNumber).HasMaxLength(64);
        b.HasIndex(c => new { c.Court, c.CourtCaseNumber }).IsUnique();
        b.Property(c => c.Instance).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Plaintiff).HasMaxLength(100);
        b.Property(c => c.DefendantName).HasMaxLength(64);
        b.Property(c => c.Cause).HasMaxLength(200);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.DefendantOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReconCase>().WithMany().HasForeignKey(c => c.ReconCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OrgUnitId, c.FiledOn });
        // ---- recon-rules (issue 15 §5) ----
        b.Property(c => c.JudgmentKind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.LossReason).HasMaxLength(32);
        b.HasMany(c => c.Hearings).WithOne().HasForeignKey(h => h.LitigationCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.ToTable("recon_documents");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Number).HasMaxLength(64);
        b.Property(d => d.Title).HasMaxLength(64);
        b.Property(d => d.CreatedBy).HasMaxLength(64);
        b.HasOne<ReconCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.CaseId);
        // issue 15 §4: 签发 and 作废
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.IssuedBy).HasMaxLength(64);
        b.Property(d => d.VoidReason).HasMaxLength(500);
        b.Property(d => d.VoidedBy).HasMaxLength(64);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => d.Number);
    }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> b)
    {
        b.ToTable("recon_document_templates");
        b.HasKey(t => t.Kind);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Title).HasMaxLength(64);
        b.Property(t => t.Body).HasMaxLength(10_000);
    }
}

internal sealed class DocumentNumberCounterConfiguration : IEntityTypeConfiguration<DocumentNumberCounter>
{
    public void Configure(EntityTypeBuilder<DocumentNumberCounter> b)
    {
        b.ToTable("recon_document_counters");
        b.HasKey(c => new { c.OrgUnitId, c.Year, c.Kind });
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

/// <summary>案号计数器: the last number allotted per unit and year, so a number is never given twice.</summary>
public sealed class CaseNumberCounter : Fazhi.Web.Kernel.Access.IOrgOwned
{
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
    public int Version { get; set; }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.ToTable("recon_case_counters");
        b.HasKey(c => new { c.OrgUnitId, c.Year });
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

public static class ReconSets
{
    public static DbSet<ReconCase> ReconCases(this FazhiDb db) => db.Set<ReconCase>();
    public static DbSet<CaseNumberCounter> CaseNumberCounters(this FazhiDb db) => db.Set<CaseNumberCounter>();
}

/// <summary>每次开庭 (recon-rules, issue 15 §5).</summary>
internal sealed class LitigationHearingConfiguration : IEntityTypeConfiguration<LitigationHearing>
{
    public void Configure(EntityTypeBuilder<LitigationHearing> b)
    {
        b.ToTable("recon_litigation_hearings");
        b.Property(h => h.Appearer).HasMaxLength(64);
        b.Property(h => h.Note).HasMaxLength(500);
        b.HasIndex(h => new { h.LitigationCaseId, h.On }).IsUnique();
    }
}
