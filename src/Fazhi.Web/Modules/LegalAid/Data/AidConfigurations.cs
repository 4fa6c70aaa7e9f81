using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.LegalAid.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.LegalAid.Data;

// Tables of this module carry the prefix aid_.

internal sealed class AidCaseConfiguration : IEntityTypeConfiguration<AidCase>
{
    public void Configure(EntityTypeBuilder<AidCase> b)
    {
        b.ToTable("aid_cases");
        b.Property(c => c.Number).HasMaxLength(64);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.ApplicantName).HasMaxLength(100);
        b.Property(c => c.ApplicantIdNumber).HasMaxLength(18);
        b.Property(c => c.ApplicantPhone).HasMaxLength(20);
        b.Property(c => c.ApplicantAddress).HasMaxLength(200);
        b.Property(c => c.Matter).HasMaxLength(500);
        b.Property(c => c.CaseType).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Stage).HasMaxLength(32);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Eligibility).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.EligibilityCategory).HasMaxLength(100);
        b.Property(c => c.Green).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.NoticeAuthority).HasMaxLength(100);
        b.Property(c => c.NoticeNumber).HasMaxLength(64);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.MissingMaterials).HasMaxLength(1000);
        b.Property(c => c.RefusalReason).HasMaxLength(500);
        b.Property(c => c.UrgentGround).HasMaxLength(100);
        b.Property(c => c.ProviderName).HasMaxLength(100);
        b.Property(c => c.Result).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.TerminationReason).HasMaxLength(200);
        b.Property(c => c.SatisfactionNote).HasMaxLength(500);
        b.Property(c => c.ReferralSource).HasMaxLength(32);
        b.Property(c => c.ReferralRef).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AidProvider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AidWorkstation>().WithMany().HasForeignKey(c => c.WorkstationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.OrgUnitId, c.ReceivedOn });
        b.HasIndex(c => new { c.OrgUnitId, c.DecidedOn });
        b.HasIndex(c => new { c.OrgUnitId, c.ClosedOn });
        b.HasIndex(c => c.Status);
        b.HasIndex(c => new { c.ReferralSource, c.ReferralRef });
    }
}

internal sealed class AidEventConfiguration : IEntityTypeConfiguration<AidEvent>
{
    public void Configure(EntityTypeBuilder<AidEvent> b)
    {
        b.ToTable("aid_events");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.Action, e.On });
    }
}

internal sealed class AidProviderConfiguration : IEntityTypeConfiguration<AidProvider>
{
    public void Configure(EntityTypeBuilder<AidProvider> b)
    {
        b.ToTable("aid_providers");
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Firm).HasMaxLength(100);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AidWorkstation>().WithMany().HasForeignKey(p => p.WorkstationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AidWorkstationConfiguration : IEntityTypeConfiguration<AidWorkstation>
{
    public void Configure(EntityTypeBuilder<AidWorkstation> b)
    {
        b.ToTable("aid_workstations");
        b.Property(w => w.Name).HasMaxLength(100);
        b.Property(w => w.Host).HasMaxLength(100);
        b.Property(w => w.Address).HasMaxLength(200);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(w => w.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AidConsultationConfiguration : IEntityTypeConfiguration<AidConsultation>
{
    public void Configure(EntityTypeBuilder<AidConsultation> b)
    {
        b.ToTable("aid_consultations");
        b.Property(c => c.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.CaseType).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Question).HasMaxLength(1000);
        b.Property(c => c.Answer).HasMaxLength(2000);
        b.Property(c => c.Handler).HasMaxLength(64);
        b.Property(c => c.ReferralSource).HasMaxLength(32);
        b.Property(c => c.ReferralRef).HasMaxLength(64);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OrgUnitId, c.On });
        b.HasIndex(c => new { c.ReferralSource, c.ReferralRef });
    }
}

internal sealed class AidSubsidyStandardConfiguration : IEntityTypeConfiguration<AidSubsidyStandard>
{
    public void Configure(EntityTypeBuilder<AidSubsidyStandard> b)
    {
        b.ToTable("aid_subsidy_standards");
        b.Property(s => s.CaseType).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Stage).HasMaxLength(32);
        b.HasIndex(s => new { s.OrgUnitId, s.CaseType, s.Stage }).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AidDocumentConfiguration : IEntityTypeConfiguration<AidDocument>
{
    public void Configure(EntityTypeBuilder<AidDocument> b)
    {
        b.ToTable("aid_documents");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Number).HasMaxLength(64);
        b.HasIndex(d => d.Number).IsUnique();
        b.Property(d => d.Title).HasMaxLength(64);
        b.Property(d => d.CreatedBy).HasMaxLength(64);
        b.HasOne<AidCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AidCounterConfiguration : IEntityTypeConfiguration<AidCounter>
{
    public void Configure(EntityTypeBuilder<AidCounter> b)
    {
        b.ToTable("aid_counters");
        b.Property(c => c.Series).HasMaxLength(32);
        b.HasIndex(c => new { c.OrgUnitId, c.Year, c.Series }).IsUnique();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class AidSets
{
    public static DbSet<AidCase> AidCases(this FazhiDb db) => db.Set<AidCase>();
    public static DbSet<AidProvider> AidProviders(this FazhiDb db) => db.Set<AidProvider>();
    public static DbSet<AidWorkstation> AidWorkstations(this FazhiDb db) => db.Set<AidWorkstation>();
    public static DbSet<AidConsultation> AidConsultations(this FazhiDb db) => db.Set<AidConsultation>();
    public static DbSet<AidSubsidyStandard> AidSubsidyStandards(this FazhiDb db) => db.Set<AidSubsidyStandard>();
    public static DbSet<AidDocument> AidDocuments(this FazhiDb db) => db.Set<AidDocument>();
    public static DbSet<AidCounter> AidCounters(this FazhiDb db) => db.Set<AidCounter>();
}
