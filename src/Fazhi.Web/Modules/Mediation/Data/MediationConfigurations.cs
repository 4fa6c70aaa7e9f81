using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Mediation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Mediation.Data;

// Tables of this module carry the prefix med_.

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.ToTable("med_disputes");
        b.Property(d => d.Number).HasMaxLength(64);
        b.HasIndex(d => new { d.OrgUnitId, d.Number }).IsUnique();
        b.Property(d => d.Category).HasMaxLength(32);
        b.Property(d => d.Source).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.Court).HasMaxLength(64);
        b.Property(d => d.CourtCaseNumber).HasMaxLength(64);
        b.Property(d => d.Summary).HasMaxLength(1000);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Agreement).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.AgreementContent).HasMaxLength(4000);
        b.Property(d => d.CloseReason).HasMaxLength(500);
        b.Property(d => d.ConfirmationCourt).HasMaxLength(64);
        b.Property(d => d.ConfirmationCaseNumber).HasMaxLength(64);
        b.Property(d => d.ConfirmationResult).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Performance).HasMaxLength(200);
        b.Property(d => d.LegalAidReference).HasMaxLength(64);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Mediator>().WithMany().HasForeignKey(d => d.MediatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Parties).WithOne().HasForeignKey(p => p.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.OrgUnitId, d.ReceivedOn });
        b.HasIndex(d => new { d.OrgUnitId, d.ClosedOn });
        b.HasIndex(d => d.Status);
    }
}

internal sealed class DisputePartyConfiguration : IEntityTypeConfiguration<DisputeParty>
{
    public void Configure(EntityTypeBuilder<DisputeParty> b)
    {
        b.ToTable("med_parties");
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.IdNumber).HasMaxLength(18);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.Address).HasMaxLength(200);
    }
}

internal sealed class DisputeEventConfiguration : IEntityTypeConfiguration<DisputeEvent>
{
    public void Configure(EntityTypeBuilder<DisputeEvent> b)
    {
        b.ToTable("med_events");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Note).HasMaxLength(4000);
        b.HasIndex(e => new { e.Action, e.On });
    }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.ToTable("med_committees");
        b.HasIndex(c => c.OrgUnitId).IsUnique();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Field).HasMaxLength(64);
        b.Property(c => c.ShortName).HasMaxLength(32);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediatorConfiguration : IEntityTypeConfiguration<Mediator>
{
    public void Configure(EntityTypeBuilder<Mediator> b)
    {
        b.ToTable("med_mediators");
        b.Property(m => m.Name).HasMaxLength(64);
        b.Property(m => m.IdNumber).HasMaxLength(18);
        b.Property(m => m.Phone).HasMaxLength(20);
        b.Property(m => m.Training).HasMaxLength(500);
        b.Property(m => m.UserName).HasMaxLength(64);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.OrgUnitId, m.Name });
    }
}

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> b)
    {
        b.ToTable("med_screenings");
        b.Property(s => s.Place).HasMaxLength(100);
        b.Property(s => s.By).HasMaxLength(64);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.OrgUnitId, s.On });
    }
}

internal sealed class TalkPointConfiguration : IEntityTypeConfiguration<TalkPoint>
{
    public void Configure(EntityTypeBuilder<TalkPoint> b)
    {
        b.ToTable("med_talk_points");
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Host).HasMaxLength(64);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TalkPointReportConfiguration : IEntityTypeConfiguration<TalkPointReport>
{
    public void Configure(EntityTypeBuilder<TalkPointReport> b)
    {
        b.ToTable("med_talk_point_reports");
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.HasOne<TalkPoint>().WithMany().HasForeignKey(r => r.TalkPointId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.OrgUnitId, r.On });
    }
}

internal sealed class SubsidyRateConfiguration : IEntityTypeConfiguration<SubsidyRate>
{
    public void Configure(EntityTypeBuilder<SubsidyRate> b)
    {
        b.ToTable("med_subsidy_rates");
        b.Property(r => r.Category).HasMaxLength(32);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediationDocumentConfiguration : IEntityTypeConfiguration<MediationDocument>
{
    public void Configure(EntityTypeBuilder<MediationDocument> b)
    {
        b.ToTable("med_documents");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Number).HasMaxLength(64);
        b.Property(d => d.Title).HasMaxLength(64);
        b.Property(d => d.CreatedBy).HasMaxLength(64);
        b.HasOne<Dispute>().WithMany().HasForeignKey(d => d.DisputeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.DisputeId);
    }
}

internal sealed class MediationCounterConfiguration : IEntityTypeConfiguration<MediationCounter>
{
    public void Configure(EntityTypeBuilder<MediationCounter> b)
    {
        b.ToTable("med_counters");
        b.HasKey(c => new { c.OrgUnitId, c.Year, c.Series });
        b.Property(c => c.Series).HasMaxLength(16);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

public static class MediationSets
{
    public static DbSet<Dispute> Disputes(this FazhiDb db) => db.Set<Dispute>();
    public static DbSet<Committee> Committees(this FazhiDb db) => db.Set<Committee>();
    public static DbSet<Mediator> Mediators(this FazhiDb db) => db.Set<Mediator>();
    public static DbSet<Screening> Screenings(this FazhiDb db) => db.Set<Screening>();
    public static DbSet<TalkPoint> TalkPoints(this FazhiDb db) => db.Set<TalkPoint>();
    public static DbSet<TalkPointReport> TalkPointReports(this FazhiDb db) => db.Set<TalkPointReport>();
    public static DbSet<SubsidyRate> SubsidyRates(this FazhiDb db) => db.Set<SubsidyRate>();
    public static DbSet<MediationDocument> MediationDocuments(this FazhiDb db) => db.Set<MediationDocument>();
    public static DbSet<MediationCounter> MediationCounters(this FazhiDb db) => db.Set<MediationCounter>();
}
