using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Enforcement.Data;

// Tables of this module carry the prefix enf_. Column names are given explicitly where raw SQL (the bulk merge and the
// roll-up) uses them, so the SQL and the model cannot drift apart unnoticed (the integration tests run both).

internal sealed class EnforcementRecordConfiguration : IEntityTypeConfiguration<EnforcementRecord>
{
    public void Configure(EntityTypeBuilder<EnforcementRecord> b)
    {
        b.ToTable("enf_records");
        b.Property(r => r.Id).HasColumnName("id");
        b.Property(r => r.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(r => r.SourceId).HasColumnName("source_id").HasMaxLength(64);
        b.Property(r => r.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.ItemCode).HasColumnName("item_code").HasMaxLength(64);
        b.Property(r => r.ItemId).HasColumnName("item_id");
        b.Property(r => r.TargetKind).HasColumnName("target_kind").HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.TargetName).HasColumnName("target_name").HasMaxLength(200);
        b.Property(r => r.TargetCreditCode).HasColumnName("target_credit_code").HasMaxLength(18);
        b.Property(r => r.TargetIdNumber).HasColumnName("target_id_number").HasMaxLength(18);
        b.Property(r => r.Officers).HasColumnName("officers").HasMaxLength(400);
        b.Property(r => r.OfficerCount).HasColumnName("officer_count");
        b.Property(r => r.OpenedOn).HasColumnName("opened_on");
        b.Property(r => r.DecidedOn).HasColumnName("decided_on");
        b.Property(r => r.ClosedOn).HasColumnName("closed_on");
        b.Property(r => r.CountedOn).HasColumnName("counted_on");
        b.Property(r => r.AmountFen).HasColumnName("amount_fen");
        b.Property(r => r.Circumstance).HasColumnName("circumstance").HasMaxLength(32);
        b.Property(r => r.LegalReviewDone).HasColumnName("legal_review_done");
        b.Property(r => r.Major).HasColumnName("major");
        b.Property(r => r.PublishedOn).HasColumnName("published_on");
        b.Property(r => r.Lenient).HasColumnName("lenient");
        b.Property(r => r.BatchId).HasColumnName("batch_id");
        b.Property(r => r.ReceivedAtUtc).HasColumnName("received_at_utc");
        b.Property(r => r.UpdatedAtUtc).HasColumnName("updated_at_utc");
        b.Ignore(r => r.OfficerList);
        // No foreign key to the org unit and no index on batch_id: the merge is the only writer of this table and sets
        // org_unit_id from the department it resolved in the same transaction (org units are never deleted), and
        // nothing looks records up by batch. The key check and the index cost ~40% of the merge's time (bench/README.md).
        b.HasIndex(r => new { r.OrgUnitId, r.SourceId }).IsUnique();
        b.HasIndex(r => new { r.OrgUnitId, r.CountedOn });
        b.HasIndex(r => new { r.TargetCreditCode, r.OpenedOn });
        // The daily sweep's candidates (penalties undecided or unpublished): ~3% of the rows, so a partial index.
        b.HasIndex(r => r.OpenedOn).HasFilter("kind = 'Penalty'").HasDatabaseName("IX_enf_records_penalties");
        // The record search's exact 身份证号 goes through the blind index column target_id_number_index, which the model
        // builder adds and indexes (partial: most rows are enterprises or have none); target_id_number holds SM4 ciphertext.
    }
}

internal sealed class IngestBatchConfiguration : IEntityTypeConfiguration<IngestBatch>
{
    public void Configure(EntityTypeBuilder<IngestBatch> b)
    {
        b.ToTable("enf_batches");
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.SubmittedBy).HasMaxLength(64);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrgUnitId, x.AtUtc });
    }
}

internal sealed class RecordChangeConfiguration : IEntityTypeConfiguration<RecordChange>
{
    public void Configure(EntityTypeBuilder<RecordChange> b)
    {
        // Column names fixed: RecordStore writes the rows set-based.
        b.ToTable("enf_record_history");
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.RecordId).HasColumnName("record_id");
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.BatchId).HasColumnName("batch_id");
        b.Property(x => x.ChangedAtUtc).HasColumnName("changed_at_utc");
        b.Property(x => x.ChangedBy).HasColumnName("changed_by").HasMaxLength(64);
        b.Property(x => x.Field).HasColumnName("field").HasMaxLength(32);
        b.Property(x => x.Before).HasColumnName("before_value").HasMaxLength(400);
        b.Property(x => x.After).HasColumnName("after_value").HasMaxLength(400);
        b.HasIndex(x => new { x.RecordId, x.Id });
    }
}

internal sealed class RecordMonthConfiguration : IEntityTypeConfiguration<RecordMonth>
{
    public void Configure(EntityTypeBuilder<RecordMonth> b)
    {
        b.ToTable("enf_record_months");
        b.HasKey(x => new { x.OrgUnitId, x.Month, x.Kind });
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.Month).HasColumnName("month");
        b.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Records).HasColumnName("records");
        b.Property(x => x.Lenient).HasColumnName("lenient");
        b.Property(x => x.Enterprises).HasColumnName("enterprises");
        b.Property(x => x.AmountFen).HasColumnName("amount_fen");
        b.HasIndex(x => x.Month);
    }
}

internal sealed class EnforcementItemConfiguration : IEntityTypeConfiguration<EnforcementItem>
{
    public void Configure(EntityTypeBuilder<EnforcementItem> b)
    {
        b.ToTable("enf_items");
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Field).HasMaxLength(64);
        b.Property(x => x.LegalBasis).HasMaxLength(2000);
        b.Property(x => x.ResponsibleDepartment).HasMaxLength(100);
        b.Property(x => x.TownClass).HasMaxLength(16);
        b.Property(x => x.ReceivingTowns).HasMaxLength(1000);
        b.OwnsMany(x => x.Benchmarks, o => o.ToJson("benchmarks"));
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrgUnitId, x.Code }).IsUnique();
        b.HasIndex(x => x.Code);
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.ToTable("enf_officers");
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.CertificateNumber).HasMaxLength(32);
        b.Property(x => x.Field).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.StatusReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Reviews, o => o.ToJson("reviews"));
        b.OwnsMany(x => x.StatusHistory, o =>
        {
            o.ToJson("status_history");
            o.Property(x => x.Status).HasConversion<string>();
        });
        b.HasMany(x => x.Training).WithOne().HasForeignKey("OfficerId").OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CertificateNumber).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.ExpiresOn });
    }
}

internal sealed class TrainingYearConfiguration : IEntityTypeConfiguration<TrainingYear>
{
    public void Configure(EntityTypeBuilder<TrainingYear> b)
    {
        b.ToTable("enf_officer_training");
        b.Property<long>("OfficerId").HasColumnName("officer_id");
        b.HasKey("OfficerId", nameof(TrainingYear.Year));
        b.Property(x => x.Year).HasColumnName("year");
        b.Property(x => x.Hours).HasColumnName("hours").HasPrecision(7, 1);
        b.Property(x => x.ExamScore).HasColumnName("exam_score").HasPrecision(4, 1);
        b.Property(x => x.ExamPassed).HasColumnName("exam_passed");
        b.HasIndex(x => x.Year);
    }
}

internal sealed class WarningConfiguration : IEntityTypeConfiguration<EnforcementWarning>
{
    public void Configure(EntityTypeBuilder<EnforcementWarning> b)
    {
        b.Ignore(x => x.ChangedByRules);
        b.ToTable("enf_warnings");
        b.Property(x => x.RuleCode).HasMaxLength(32);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Subject).HasMaxLength(64);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.DedupKey).HasMaxLength(200);
        b.Property(x => x.Feedback).HasMaxLength(2000);
        b.Property(x => x.Rectification).HasMaxLength(2000);
        b.Property(x => x.ClosedBy).HasMaxLength(64);
        b.Property(x => x.CloseNote).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrgUnitId, x.DedupKey }).IsUnique();
        b.HasIndex(x => x.RecordId);
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => new { x.OrgUnitId, x.RaisedOn });
    }
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("enf_inspection_plans");
        b.Property(x => x.TargetCreditCode).HasMaxLength(18);
        b.Property(x => x.TargetName).HasMaxLength(200);
        b.Property(x => x.Items).HasMaxLength(1000);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrgUnitId, x.Year, x.Month, x.TargetCreditCode }).IsUnique();
        b.HasIndex(x => new { x.TargetCreditCode, x.Year, x.Month });
    }
}

internal sealed class PlanMonthConfiguration : IEntityTypeConfiguration<PlanMonth>
{
    public void Configure(EntityTypeBuilder<PlanMonth> b)
    {
        // Kept by the triggers of migration EnforcementFigures; the column names are the triggers'.
        b.ToTable("enf_plan_months");
        b.HasKey(x => new { x.OrgUnitId, x.Month });
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.Month).HasColumnName("month");
        b.Property(x => x.Visits).HasColumnName("visits");
        b.HasIndex(x => x.Month);
    }
}

internal sealed class JointInspectionConfiguration : IEntityTypeConfiguration<JointInspection>
{
    public void Configure(EntityTypeBuilder<JointInspection> b)
    {
        b.ToTable("enf_joint_inspections");
        b.Property(x => x.TargetCreditCode).HasMaxLength(18);
        b.Property(x => x.TargetName).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ConfirmedBy).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrgUnitId, x.Year, x.Month, x.TargetCreditCode }).IsUnique();
    }
}

internal sealed class ReviewTemplateConfiguration : IEntityTypeConfiguration<ReviewTemplate>
{
    public void Configure(EntityTypeBuilder<ReviewTemplate> b)
    {
        b.ToTable("enf_review_templates");
        b.Property(x => x.Name).HasMaxLength(100);
        b.OwnsMany(x => x.Items, o => o.ToJson("items"));
        b.Ignore(x => x.FullMarks);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SamplingDrawConfiguration : IEntityTypeConfiguration<SamplingDraw>
{
    public void Configure(EntityTypeBuilder<SamplingDraw> b)
    {
        b.ToTable("enf_sampling_draws");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.FilterJson).HasMaxLength(2000);
        b.Property(x => x.DrawnBy).HasMaxLength(64);
        b.Property(x => x.RequestedPercent).HasPrecision(5, 2);
        b.HasMany(x => x.Records).WithOne().HasForeignKey(r => r.DrawId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SampledRecordConfiguration : IEntityTypeConfiguration<SampledRecord>
{
    public void Configure(EntityTypeBuilder<SampledRecord> b)
    {
        b.ToTable("enf_sampled_records");
        b.Property(x => x.Score).HasPrecision(6, 2);
        b.Property(x => x.ItemScoresJson).HasMaxLength(4000);
        b.Property(x => x.Problems).HasMaxLength(2000);
        b.Property(x => x.Reviewer).HasMaxLength(64);
        b.HasIndex(x => new { x.DrawId, x.RecordId }).IsUnique();
        b.HasIndex(x => x.RecordId);
    }
}

public static class EnforcementSets
{
    public static DbSet<EnforcementRecord> EnforcementRecords(this FazhiDb db) => db.Set<EnforcementRecord>();
    public static DbSet<IngestBatch> IngestBatches(this FazhiDb db) => db.Set<IngestBatch>();
    public static DbSet<RecordMonth> RecordMonths(this FazhiDb db) => db.Set<RecordMonth>();
    public static DbSet<RecordChange> RecordChanges(this FazhiDb db) => db.Set<RecordChange>();
    public static DbSet<EnforcementItem> EnforcementItems(this FazhiDb db) => db.Set<EnforcementItem>();
    public static DbSet<Officer> Officers(this FazhiDb db) => db.Set<Officer>();
    public static DbSet<EnforcementWarning> EnforcementWarnings(this FazhiDb db) => db.Set<EnforcementWarning>();
    public static DbSet<InspectionPlan> InspectionPlans(this FazhiDb db) => db.Set<InspectionPlan>();
    public static DbSet<PlanMonth> PlanMonths(this FazhiDb db) => db.Set<PlanMonth>();
    public static DbSet<TrainingYear> TrainingYears(this FazhiDb db) => db.Set<TrainingYear>();
    public static DbSet<JointInspection> JointInspections(this FazhiDb db) => db.Set<JointInspection>();
    public static DbSet<ReviewTemplate> ReviewTemplates(this FazhiDb db) => db.Set<ReviewTemplate>();
    public static DbSet<SamplingDraw> SamplingDraws(this FazhiDb db) => db.Set<SamplingDraw>();
    public static DbSet<SampledRecord> SampledRecords(this FazhiDb db) => db.Set<SampledRecord>();
}
