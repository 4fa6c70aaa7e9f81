using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Reconsideration.Data;

// issue 15 §3/§4: the case file (文书要素, 听证, 送达, 归档). Tables carry the prefix recon_.

internal sealed class CaseWritingConfiguration : IEntityTypeConfiguration<CaseWriting>
{
    public void Configure(EntityTypeBuilder<CaseWriting> b)
    {
        b.ToTable("recon_writings");
        b.HasKey(w => w.CaseId);
        b.Property(w => w.ThirdParties).HasMaxLength(500);
        b.Property(w => w.Request).HasMaxLength(1000);
        b.Property(w => w.ApplicantStatement).HasMaxLength(4000);
        b.Property(w => w.RespondentStatement).HasMaxLength(4000);
        b.Property(w => w.ThirdPartyStatement).HasMaxLength(4000);
        b.Property(w => w.Findings).HasMaxLength(4000);
        b.Property(w => w.Reasoning).HasMaxLength(4000);
        b.Property(w => w.MediationTerms).HasMaxLength(4000);
        b.Property(w => w.Court).HasMaxLength(64);
        b.Property(w => w.UpdatedBy).HasMaxLength(64);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasOne<ReconCase>().WithOne().HasForeignKey<CaseWriting>(w => w.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseHearingConfiguration : IEntityTypeConfiguration<CaseHearing>
{
    public void Configure(EntityTypeBuilder<CaseHearing> b)
    {
        b.ToTable("recon_hearings");
        b.Property(h => h.StartsAt).HasMaxLength(8);
        b.Property(h => h.Place).HasMaxLength(200);
        b.Property(h => h.Matters).HasMaxLength(1000);
        b.Property(h => h.Host).HasMaxLength(64);
        b.Property(h => h.Panelists).HasMaxLength(300);
        b.Property(h => h.Clerk).HasMaxLength(64);
        b.Property(h => h.Attendees).HasMaxLength(500);
        b.Property(h => h.Record).HasMaxLength(4000);
        b.Property(h => h.UpdatedBy).HasMaxLength(64);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasOne<ReconCase>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => h.CaseId);
    }
}

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.ToTable("recon_services");
        b.Property(s => s.Party).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Addressee).HasMaxLength(100);
        b.Property(s => s.TrackingNumber).HasMaxLength(40);
        b.Property(s => s.ElectronicAddress).HasMaxLength(200);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(64);
        b.HasOne<ReconCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.CaseId);
        b.HasIndex(s => s.DocumentId);
    }
}

internal sealed class CaseArchiveConfiguration : IEntityTypeConfiguration<CaseArchive>
{
    public void Configure(EntityTypeBuilder<CaseArchive> b)
    {
        b.ToTable("recon_archives");
        b.HasKey(a => a.CaseId);
        b.Property(a => a.FileNumber).HasMaxLength(64);
        b.HasIndex(a => new { a.OrgUnitId, a.FileNumber }).IsUnique();
        b.Property(a => a.ArchivedBy).HasMaxLength(64);
        b.Property(a => a.PublishedText).HasMaxLength(20_000);
        b.Property(a => a.ReportedTo).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<ReconCase>().WithOne().HasForeignKey<CaseArchive>(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.PublishedOn);
    }
}
