using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Legality.Data;

// 依法治区办 and 学法 tables (prefix leg_).

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("leg_plan_tasks");
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Detail).HasMaxLength(2000);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OfficeOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.OfficeOrgUnitId, t.Year, t.Seq }).IsUnique();
        b.HasIndex(t => new { t.OrgUnitId, t.DueOn });
    }
}

internal sealed class PlanTaskEntryConfiguration : IEntityTypeConfiguration<PlanTaskEntry>
{
    public void Configure(EntityTypeBuilder<PlanTaskEntry> b)
    {
        b.ToTable("leg_plan_task_entries");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Text).HasMaxLength(2000);
        b.Property(e => e.Actor).HasMaxLength(64);
    }
}

internal sealed class AssessmentIndicatorConfiguration : IEntityTypeConfiguration<AssessmentIndicator>
{
    public void Configure(EntityTypeBuilder<AssessmentIndicator> b)
    {
        b.ToTable("leg_indicators");
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Evidence).HasMaxLength(500);
        b.Property(i => i.MaxScore).HasPrecision(6, 1);
        b.Property(i => i.AppliesTo).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.FromQuarter).HasDefaultValue(1);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.OrgUnitId, i.Year, i.Seq }).IsUnique();
    }
}

internal sealed class AssessmentScoreConfiguration : IEntityTypeConfiguration<AssessmentScore>
{
    public void Configure(EntityTypeBuilder<AssessmentScore> b)
    {
        b.ToTable("leg_scores");
        b.Property(s => s.Score).HasPrecision(6, 1);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.ScoredBy).HasMaxLength(64);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessmentIndicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.OrgUnitId, s.Year, s.Quarter, s.IndicatorId }).IsUnique();
        b.HasIndex(s => new { s.Year, s.Quarter });
    }
}

internal sealed class OfficeMeetingConfiguration : IEntityTypeConfiguration<OfficeMeeting>
{
    public void Configure(EntityTypeBuilder<OfficeMeeting> b)
    {
        b.ToTable("leg_office_meetings");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Place).HasMaxLength(100);
        b.Property(m => m.Attendees).HasMaxLength(1000);
        b.Property(m => m.Agenda).HasMaxLength(2000);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.OrgUnitId, m.HeldOn });
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> b)
    {
        b.ToTable("leg_meeting_decisions");
        b.Property(d => d.Text).HasMaxLength(1000);
        b.HasIndex(d => new { d.MeetingId, d.Seq }).IsUnique();
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<OfficeInspection>
{
    public void Configure(EntityTypeBuilder<OfficeInspection> b)
    {
        b.ToTable("leg_inspections");
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Findings).HasMaxLength(2000);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.OfficeOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Items).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.OrgUnitId, i.HeldOn });
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<OfficeRectification>
{
    public void Configure(EntityTypeBuilder<OfficeRectification> b)
    {
        b.ToTable("leg_rectifications");
        b.Property(r => r.Text).HasMaxLength(1000);
        b.Property(r => r.Result).HasMaxLength(1000);
        b.HasIndex(r => new { r.InspectionId, r.Seq }).IsUnique();
    }
}

internal sealed class LawReportConfiguration : IEntityTypeConfiguration<LawReport>
{
    public void Configure(EntityTypeBuilder<LawReport> b)
    {
        b.ToTable("leg_law_reports");
        b.Property(r => r.Person).HasMaxLength(64);
        b.Property(r => r.Position).HasMaxLength(100);
        b.Property(r => r.Occasion).HasMaxLength(200);
        b.Property(r => r.Evaluation).HasMaxLength(500);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrgUnitId, r.On });
    }
}

internal sealed class AnnualLawReportConfiguration : IEntityTypeConfiguration<AnnualLawReport>
{
    public void Configure(EntityTypeBuilder<AnnualLawReport> b)
    {
        b.ToTable("leg_annual_reports");
        b.Property(r => r.Url).HasMaxLength(500);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrgUnitId, r.Year }).IsUnique();
    }
}

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> b)
    {
        b.ToTable("leg_study_sessions");
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Names).HasMaxLength(4000);
        b.Ignore(s => s.IsExam);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.OrgUnitId, s.HeldOn });
    }
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> b)
    {
        b.ToTable("leg_supervision_notices");
        b.Property(n => n.Number).HasMaxLength(64);
        b.Property(n => n.TaskState).HasMaxLength(16);
        b.Property(n => n.Requirement).HasMaxLength(1000);
        b.Property(n => n.CreatedBy).HasMaxLength(64);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(n => n.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanTaskEntry>().WithMany().HasForeignKey(n => n.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(n => n.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(n => n.OfficeOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.OfficeOrgUnitId, n.Number }).IsUnique();
        b.HasIndex(n => n.TaskId);
    }
}

public static class OfficeSets
{
    public static DbSet<SupervisionNotice> SupervisionNotices(this FazhiDb db) => db.Set<SupervisionNotice>();
    public static DbSet<PlanTask> PlanTasks(this FazhiDb db) => db.Set<PlanTask>();
    public static DbSet<AssessmentIndicator> Indicators(this FazhiDb db) => db.Set<AssessmentIndicator>();
    public static DbSet<AssessmentScore> Scores(this FazhiDb db) => db.Set<AssessmentScore>();
    public static DbSet<OfficeMeeting> OfficeMeetings(this FazhiDb db) => db.Set<OfficeMeeting>();
    public static DbSet<OfficeInspection> Inspections(this FazhiDb db) => db.Set<OfficeInspection>();
    public static DbSet<LawReport> LawReports(this FazhiDb db) => db.Set<LawReport>();
    public static DbSet<AnnualLawReport> AnnualLawReports(this FazhiDb db) => db.Set<AnnualLawReport>();
    public static DbSet<StudySession> StudySessions(this FazhiDb db) => db.Set<StudySession>();
}
