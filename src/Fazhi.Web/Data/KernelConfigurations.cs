using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Approvals;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Data;

// Kernel tables carry the prefix sys_ (SQLite has no schemas; modules use their own prefixes).

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("sys_org_units");
        b.Property(o => o.Code).HasMaxLength(OrgLimits.CodeLength);
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Name).HasMaxLength(OrgLimits.NameLength);
        b.Property(o => o.OfficialName).HasMaxLength(OrgLimits.NameLength);
        b.Ignore(o => o.NameForDocuments);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Path).HasMaxLength(OrgLimits.PathLength);
        b.HasIndex(o => o.Path);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> b)
    {
        b.ToTable("sys_approvals");
        b.Property(a => a.Module).HasMaxLength(32);
        b.Property(a => a.SubjectType).HasMaxLength(32);
        b.Property(a => a.ActionCode).HasMaxLength(32);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ParametersJson).HasMaxLength(4000);
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Property(a => a.Opinion).HasMaxLength(1000);
        b.Property(a => a.SubmittedBy).HasMaxLength(64);
        b.Property(a => a.DecidedBy).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.Module, a.SubjectType, a.SubjectId, a.Status });
        b.HasIndex(a => new { a.Status, a.Module });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("sys_audit_log");
        b.HasKey(a => a.Seq);
        b.Property(a => a.Seq).ValueGeneratedNever();
        b.Property(a => a.UserName).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(32);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(128);
        b.Property(a => a.RequestId).HasMaxLength(64);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.PrevHash).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("sys_calendar_years");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Notice).HasMaxLength(200);
        b.Property(y => y.DocumentNumber).HasMaxLength(64);
        b.Property(y => y.AmendedBy).HasMaxLength(200);
        b.Property(y => y.Source).HasMaxLength(16);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("sys_users");
        b.Property(u => u.DisplayName).HasMaxLength(64);
        b.HasOne(u => u.OrgUnit).WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RolePermissionConfiguration : IEntityTypeConfiguration<RolePermission>
{
    public void Configure(EntityTypeBuilder<RolePermission> b)
    {
        b.ToTable("sys_role_permissions");
        b.HasKey(p => new { p.RoleId, p.Permission });
        b.Property(p => p.Permission).HasMaxLength(64);
        b.HasOne<AppRole>().WithMany().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnownPermissionConfiguration : IEntityTypeConfiguration<KnownPermission>
{
    public void Configure(EntityTypeBuilder<KnownPermission> b)
    {
        b.ToTable("sys_permissions");
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(64);
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b)
    {
        b.ToTable("sys_roles");
        b.Property(r => r.DisplayName).HasMaxLength(64);
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<int>> b) => b.ToTable("sys_user_roles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> b) => b.ToTable("sys_user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> b) => b.ToTable("sys_user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> b) => b.ToTable("sys_user_tokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<int>> b) => b.ToTable("sys_role_claims");
}

internal sealed class WorkTimerConfiguration : IEntityTypeConfiguration<Kernel.Timers.WorkTimer>
{
    public void Configure(EntityTypeBuilder<Kernel.Timers.WorkTimer> b)
    {
        b.ToTable("sys_timers");
        b.Property(t => t.Module).HasMaxLength(32);
        b.Property(t => t.Kind).HasMaxLength(32);
        b.Property(t => t.Title).HasMaxLength(64);
        b.Property(t => t.Explanation).HasMaxLength(500);
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.LastError).HasMaxLength(1000);
        b.HasIndex(t => new { t.Module, t.OwnerId, t.Kind }).IsUnique();
        b.HasIndex(t => new { t.State, t.DueOn });
    }
}

internal sealed class DictTypeConfiguration : IEntityTypeConfiguration<Kernel.Dictionaries.DictType>
{
    public void Configure(EntityTypeBuilder<Kernel.Dictionaries.DictType> b)
    {
        b.ToTable("sys_dict_types");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(64);
        b.Property(t => t.Module).HasMaxLength(32);
    }
}

internal sealed class DictItemConfiguration : IEntityTypeConfiguration<Kernel.Dictionaries.DictItem>
{
    public void Configure(EntityTypeBuilder<Kernel.Dictionaries.DictItem> b)
    {
        b.ToTable("sys_dict_items");
        b.Property(i => i.TypeCode).HasMaxLength(64);
        b.Property(i => i.Code).HasMaxLength(Kernel.Dictionaries.DictionaryService.CodeLength);
        b.Property(i => i.Label).HasMaxLength(Kernel.Dictionaries.DictionaryService.LabelLength);
        b.HasIndex(i => new { i.TypeCode, i.Code }).IsUnique();
        b.HasOne<Kernel.Dictionaries.DictType>().WithMany().HasForeignKey(i => i.TypeCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Kernel.Attachments.Attachment>
{
    public void Configure(EntityTypeBuilder<Kernel.Attachments.Attachment> b)
    {
        b.ToTable("sys_attachments");
        b.Property(a => a.Module).HasMaxLength(32);
        b.Property(a => a.EntityType).HasMaxLength(32);
        b.Property(a => a.Category).HasMaxLength(Kernel.Dictionaries.DictionaryService.CodeLength);
        b.Property(a => a.FileName).HasMaxLength(Kernel.Attachments.AttachmentService.FileNameLength);
        b.Property(a => a.ContentType).HasMaxLength(128);
        b.Property(a => a.Sm3).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.Store).HasMaxLength(16);
        b.Property(a => a.StorageKey).HasMaxLength(200);
        b.Property(a => a.UploadedBy).HasMaxLength(64);
        b.HasIndex(a => new { a.Module, a.EntityType, a.EntityId });
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Kernel.Messages.Message>
{
    public void Configure(EntityTypeBuilder<Kernel.Messages.Message> b)
    {
        b.ToTable("sys_messages");
        b.Property(m => m.Recipient).HasMaxLength(64);
        b.Property(m => m.Title).HasMaxLength(Kernel.Messages.MessageService.TitleLength);
        b.Property(m => m.Body).HasMaxLength(Kernel.Messages.MessageService.BodyLength);
        b.Property(m => m.Link).HasMaxLength(300);
        b.Property(m => m.Module).HasMaxLength(32);
        b.HasIndex(m => new { m.Recipient, m.ReadAtUtc });
    }
}
