using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Reconsideration.Data;

// issue 15 §6: 网上申请 and its 查询码. Table prefix recon_.
internal sealed class OnlineApplicationConfiguration : IEntityTypeConfiguration<OnlineApplication>
{
    public void Configure(EntityTypeBuilder<OnlineApplication> b)
    {
        b.ToTable("recon_online_applications");
        b.HasKey(a => a.CaseId);
        b.Property(a => a.QueryCode).HasMaxLength(200);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.HasOne<ReconCase>().WithOne().HasForeignKey<OnlineApplication>(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
