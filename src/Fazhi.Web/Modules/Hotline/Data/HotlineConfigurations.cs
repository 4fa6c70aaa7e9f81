using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Hotline.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Hotline.Data;

// Tables of this module carry the prefix hl_. Ticket columns are named explicitly: the batch merge writes them in SQL.

internal sealed class HotlineTicketConfiguration : IEntityTypeConfiguration<HotlineTicket>
{
    public void Configure(EntityTypeBuilder<HotlineTicket> b)
    {
        b.ToTable("hl_tickets");
        b.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever(); // yyyyMM·10¹⁰ + n, given by the merge (ADR 0010)
        b.Property(t => t.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(t => t.TicketNo).HasColumnName("ticket_no").HasMaxLength(64);
        b.Property(t => t.ReceivedAtUtc).HasColumnName("received_at_utc");
        b.Property(t => t.CallerName).HasColumnName("caller_name").HasMaxLength(50);
        b.Property(t => t.CallerPhone).HasColumnName("caller_phone").HasMaxLength(20);
        b.Property(t => t.Place).HasColumnName("place").HasMaxLength(200);
        b.Property(t => t.TownCode).HasColumnName("town_code").HasMaxLength(32);
        b.Property(t => t.Community).HasColumnName("community").HasMaxLength(64);
        b.Property(t => t.Text).HasColumnName("text").HasMaxLength(TicketLimits.TextLength);
        b.Property(t => t.CentreField).HasColumnName("centre_field").HasMaxLength(32);
        b.Property(t => t.DepartmentCode).HasColumnName("department_code").HasMaxLength(32);
        b.Property(t => t.ReassignmentsJson).HasColumnName("reassignments_json").HasMaxLength(8000);
        b.Property(t => t.Reassignments).HasColumnName("reassignments");
        b.Property(t => t.Bounces).HasColumnName("bounces");
        b.Property(t => t.DueAtUtc).HasColumnName("due_at_utc");
        b.Property(t => t.Status).HasColumnName("status").HasMaxLength(32);
        b.Property(t => t.Reply).HasColumnName("reply").HasMaxLength(TicketLimits.TextLength);
        b.Property(t => t.Satisfaction).HasColumnName("satisfaction").HasMaxLength(16);
        b.Property(t => t.MergedInto).HasColumnName("merged_into").HasMaxLength(64);
        b.Property(t => t.MergeReason).HasColumnName("merge_reason").HasMaxLength(200);
        b.Property(t => t.MergedBy).HasColumnName("merged_by").HasMaxLength(64);
        b.Property(t => t.MergedAtUtc).HasColumnName("merged_at_utc");
        b.Property(t => t.BatchId).HasColumnName("batch_id");
        b.Property(t => t.FirstReceivedAtUtc).HasColumnName("first_received_at_utc");
        b.Property(t => t.UpdatedAtUtc).HasColumnName("updated_at_utc");
        b.Property(t => t.LabelEnforcement).HasColumnName("label_enforcement");
        b.Property(t => t.LabelField).HasColumnName("label_field").HasMaxLength(32);
        b.Property(t => t.LabelDepartment).HasColumnName("label_department").HasMaxLength(32);
        b.Property(t => t.LabelledBy).HasColumnName("labelled_by").HasMaxLength(64);
        b.Property(t => t.ComplaintWarningId).HasColumnName("complaint_warning_id");
        // No unique index on ticket_no here: a partitioned table cannot enforce one across months; hl_ticket_keys does.
        b.HasIndex(t => t.TicketNo);
        b.HasIndex(t => new { t.OrgUnitId, t.ReceivedAtUtc });
        b.HasIndex(t => new { t.TownCode, t.ReceivedAtUtc });
    }
}

internal sealed class TicketKeyConfiguration : IEntityTypeConfiguration<TicketKey>
{
    public void Configure(EntityTypeBuilder<TicketKey> b)
    {
        b.ToTable("hl_ticket_keys");
        b.HasKey(k => k.TicketNo);
        b.Property(k => k.TicketNo).HasColumnName("ticket_no").HasMaxLength(64);
        b.Property(k => k.TicketId).HasColumnName("ticket_id");
        b.HasIndex(k => k.TicketId).IsUnique();
    }
}

internal sealed class TicketChangeConfiguration : IEntityTypeConfiguration<TicketChange>
{
    public void Configure(EntityTypeBuilder<TicketChange> b)
    {
        b.ToTable("hl_ticket_history");
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.TicketId).HasColumnName("ticket_id");
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.BatchId).HasColumnName("batch_id");
        b.Property(x => x.ChangedAtUtc).HasColumnName("changed_at_utc");
        b.Property(x => x.ChangedBy).HasColumnName("changed_by").HasMaxLength(64);
        b.Property(x => x.Field).HasColumnName("field").HasMaxLength(32);
        b.Property(x => x.Before).HasColumnName("before_value");
        b.Property(x => x.After).HasColumnName("after_value");
        b.HasIndex(x => x.TicketId);
    }
}

internal sealed class TicketBatchConfiguration : IEntityTypeConfiguration<TicketBatch>
{
    public void Configure(EntityTypeBuilder<TicketBatch> b)
    {
        b.ToTable("hl_batches");
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.SubmittedBy).HasMaxLength(64);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("hl_consultations");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.ClusterKey).HasMaxLength(200);
        b.Property(x => x.TownCode).HasMaxLength(32);
        b.Property(x => x.Community).HasMaxLength(64);
        b.Property(x => x.Topic).HasMaxLength(200);
        b.Property(x => x.TicketNos).HasMaxLength(4000);
        b.Property(x => x.Departments).HasMaxLength(400);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ProposedBy).HasMaxLength(64);
        b.Property(x => x.Present).HasMaxLength(400);
        b.Property(x => x.Minutes).HasMaxLength(4000);
        b.Property(x => x.ResponsibleCode).HasMaxLength(32);
        b.Property(x => x.RulingText).HasMaxLength(4000);
        b.Property(x => x.Feedback).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrgUnitId, x.RulingYear, x.RulingSeq }).IsUnique();
        b.HasIndex(x => x.ClusterKey);
    }
}

internal sealed class TriageModelConfiguration : IEntityTypeConfiguration<TriageModel>
{
    public void Configure(EntityTypeBuilder<TriageModel> b)
    {
        b.ToTable("hl_triage_models");
        b.Property(x => x.HeldOutAccuracy).HasPrecision(5, 2);
        b.HasIndex(x => new { x.OrgUnitId, x.TrainedAtUtc });
    }
}

internal sealed class OwnTicketConfiguration : IEntityTypeConfiguration<OwnTicket>
{
    public void Configure(EntityTypeBuilder<OwnTicket> b)
    {
        b.ToTable("hl_own_tickets");
        b.Property(x => x.TicketNo).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reply).HasMaxLength(TicketLimits.TextLength);
        b.Property(x => x.ExtensionReason).HasMaxLength(400);
        b.Property(x => x.ReturnReason).HasMaxLength(400);
        b.Property(x => x.RevisitResult).HasMaxLength(16);
        b.Property(x => x.ReplyPushError).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.TicketNo).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class HotlineSets
{
    public static DbSet<HotlineTicket> HotlineTickets(this FazhiDb db) => db.Set<HotlineTicket>();

    public static DbSet<TicketChange> TicketChanges(this FazhiDb db) => db.Set<TicketChange>();

    public static DbSet<TicketBatch> TicketBatches(this FazhiDb db) => db.Set<TicketBatch>();

    public static DbSet<TicketKey> TicketKeys(this FazhiDb db) => db.Set<TicketKey>();

    public static DbSet<Consultation> Consultations(this FazhiDb db) => db.Set<Consultation>();

    public static DbSet<TriageModel> TriageModels(this FazhiDb db) => db.Set<TriageModel>();

    public static DbSet<OwnTicket> OwnTickets(this FazhiDb db) => db.Set<OwnTicket>();
}
