using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Reconsideration.Data;

// recon-more (issue 15 §2, §3, §4): 决定主文, 行政复议委员会 (名册、咨询), 被申请人名称对应表. Tables carry the prefix recon_.

internal sealed class DecisionGistConfiguration : IEntityTypeConfiguration<ReconCase>
{
    public void Configure(EntityTypeBuilder<ReconCase> b)
    {
        b.Property(c => c.DecisionGist).HasMaxLength(1000);
        b.HasMany(c => c.Consultations).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseConsultationConfiguration : IEntityTypeConfiguration<CaseConsultation>
{
    public void Configure(EntityTypeBuilder<CaseConsultation> b)
    {
        b.ToTable("recon_consultations");
        b.Property(x => x.Ground).HasMaxLength(64);
        b.Property(x => x.Matter).HasMaxLength(2000);
        b.Property(x => x.Members).HasMaxLength(500);
        b.Property(x => x.Conclusion).HasMaxLength(2000);
        b.HasMany(x => x.Opinions).WithOne().HasForeignKey(o => o.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class ConsultationOpinionConfiguration : IEntityTypeConfiguration<ConsultationOpinion>
{
    public void Configure(EntityTypeBuilder<ConsultationOpinion> b)
    {
        b.ToTable("recon_consultation_opinions");
        b.Property(o => o.Member).HasMaxLength(32);
        b.Property(o => o.Opinion).HasMaxLength(2000);
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("recon_committee_members");
        b.Property(m => m.Name).HasMaxLength(32);
        b.Property(m => m.Affiliation).HasMaxLength(100);
        b.Property(m => m.Field).HasMaxLength(100);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.OrgUnitId, m.Name }).IsUnique();
    }
}

internal sealed class RespondentAliasConfiguration : IEntityTypeConfiguration<RespondentAlias>
{
    public void Configure(EntityTypeBuilder<RespondentAlias> b)
    {
        b.ToTable("recon_respondent_aliases");
        b.Property(a => a.Name).HasMaxLength(64);
        b.Property(a => a.Key).HasMaxLength(64);
        b.Property(a => a.CreatedBy).HasMaxLength(64);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.RespondentOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.OrgUnitId, a.Key }).IsUnique();
    }
}

public static class CommitteeSets
{
    public static DbSet<CommitteeMember> CommitteeMembers(this FazhiDb db) => db.Set<CommitteeMember>();
    public static DbSet<RespondentAlias> RespondentAliases(this FazhiDb db) => db.Set<RespondentAlias>();
}
