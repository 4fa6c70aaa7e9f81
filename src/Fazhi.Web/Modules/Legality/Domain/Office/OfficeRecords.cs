using System.ComponentModel;

using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Legality.Domain.Office;

// 依法治区办 (委员会办公室, kept by the 司法局): 工作要点, 考核, 会议, 督察, 述法, 年度报告; and 学法.
// Every record is owned by a unit so the scope filter applies itself: a task or a score by the department or town it
// concerns (so that unit sees and reports on it), a meeting or an indicator by the office.

/// <summary>工作要点任务的状态.</summary>
public enum PlanTaskStatus
{
    [Description("推进中")] Open,
    [Description("已完成")] Done,
}

/// <summary>任务过程记录的种类: 进展报告 (by the owner), 督办 (by the office), 办结.</summary>
public enum PlanTaskEntryKind
{
    [Description("进展报告")] Report,
    [Description("督办")] Supervision,
    [Description("办结")] Completion,
}

/// <summary>年度工作要点中的一项任务 (牵头单位 = <see cref="OrgUnitId"/>), supervised until done.</summary>
public sealed class PlanTask : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>牵头单位 (department or town).</summary>
    public int OrgUnitId { get; set; }
    /// <summary>依法治区办 (the office that set the task).</summary>
    public int OfficeOrgUnitId { get; set; }
    public int Year { get; set; }
    /// <summary>序号 within the year's 工作要点.</summary>
    public int Seq { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    /// <summary>来源: 工作要点, or the meeting decision it came from.</summary>
    public long? MeetingDecisionId { get; set; }
    public DateOnly DueOn { get; set; }
    public PlanTaskStatus Status { get; set; }
    public int Progress { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public int Supervisions { get; set; }
    public DateOnly? LastSupervisedOn { get; set; }
    public int Version { get; set; }
    public List<PlanTaskEntry> Entries { get; } = [];

    /// <summary>超期: still open after its deadline, or completed after it.</summary>
    public bool IsOverdue(DateOnly today) => Status == PlanTaskStatus.Open ? today > DueOn : CompletedOn > DueOn;

    public PlanTaskEntry Add(PlanTaskEntryKind kind, DateOnly on, string text, int? progress, string actor, DateTime atUtc)
    {
        if (Status == PlanTaskStatus.Done)
            throw new Kernel.Web.ConflictException($"任务“{Title}”已完成，不能再{Names.Of(kind)}。");
        var e = new PlanTaskEntry { TaskId = Id, Kind = kind, On = on, Text = text, Progress = progress, Actor = actor, AtUtc = atUtc };
        Entries.Add(e);
        switch (kind)
        {
            case PlanTaskEntryKind.Report:
                Progress = progress ?? Progress;
                break;
            case PlanTaskEntryKind.Supervision:
                Supervisions++;
                LastSupervisedOn = on;
                break;
            default:
                Status = PlanTaskStatus.Done;
                CompletedOn = on;
                Progress = 100;
                break;
        }
        Version++;
        return e;
    }
}

public sealed class PlanTaskEntry
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public PlanTaskEntryKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Text { get; set; }
    /// <summary>完成进度 (percent) the owner reported.</summary>
    public int? Progress { get; set; }
    public required string Actor { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>法治建设考核指标 of a year: the office edits the set (指标、分值、佐证材料要求).</summary>
public sealed class AssessmentIndicator : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>依法治区办.</summary>
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public int Seq { get; set; }
    public required string Name { get; set; }
    /// <summary>分值 (the most a unit can score on it).</summary>
    public decimal MaxScore { get; set; }
    /// <summary>佐证材料要求.</summary>
    public string? Evidence { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>适用对象: every unit assessed, the departments only or the towns (镇街) only.</summary>
    public IndicatorScope AppliesTo { get; set; }
    /// <summary>The first quarter of <see cref="Year"/> scored on it (an indicator added after a quarter was scored starts
    /// with the next one).</summary>
    public int FromQuarter { get; set; } = 1;
    /// <summary>停用: the first quarter no longer scored on it (the one after the last it was scored in); null while in force.
    /// The quarters before keep it, so their 满分 and ranking stay as scored.</summary>
    public int? UntilQuarter { get; set; }

    /// <summary>Whether the quarter is scored on it.</summary>
    public bool AppliesIn(int quarter) => FromQuarter <= quarter && (UntilQuarter is null || quarter < UntilQuarter);
}

/// <summary>考核指标的适用对象.</summary>
public enum IndicatorScope
{
    [Description("部门和镇街")] All,
    [Description("部门")] Departments,
    [Description("镇街")] Towns,
}

/// <summary>一个单位某季度某项指标的得分, with its 佐证材料 (attachments of entity "score").</summary>
public sealed class AssessmentScore : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>被考核单位 (department or town).</summary>
    public int OrgUnitId { get; set; }
    public long IndicatorId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public decimal Score { get; set; }
    public string? Note { get; set; }
    public required string ScoredBy { get; set; }
    public DateOnly ScoredOn { get; set; }
}

public enum MeetingKind
{
    [Description("依法治区委员会会议")] Committee,
    [Description("委员会办公室会议")] Office,
    [Description("协调小组会议")] Coordination,
}

/// <summary>依法治区委员会及其办公室、协调小组的会议.</summary>
public sealed class OfficeMeeting : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Place { get; set; }
    /// <summary>出席人员.</summary>
    public required string Attendees { get; set; }
    /// <summary>议程.</summary>
    public required string Agenda { get; set; }
    public List<MeetingDecision> Decisions { get; } = [];
}

/// <summary>会议议定事项; one may become a 工作要点 task.</summary>
public sealed class MeetingDecision
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public int Seq { get; set; }
    public required string Text { get; set; }
    public long? TaskId { get; set; }
}

public enum InspectionKind
{
    [Description("书面督察")] Written,
    [Description("实地督察")] OnSite,
}

/// <summary>法治督察 of one unit (the 被督察单位 = <see cref="OrgUnitId"/>, so it sees its findings and rectifies).</summary>
public sealed class OfficeInspection : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int OfficeOrgUnitId { get; set; }
    public InspectionKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>发现问题.</summary>
    public required string Findings { get; set; }
    public List<OfficeRectification> Items { get; } = [];
}

/// <summary>整改事项 with its deadline (a timer) and completion.</summary>
public sealed class OfficeRectification
{
    public long Id { get; set; }
    public long InspectionId { get; set; }
    public int Seq { get; set; }
    public required string Text { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Result { get; set; }
}

/// <summary>述法: a leading official's report on performing the 法治建设第一责任人 duty.</summary>
public sealed class LawReport : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>述法人所在单位.</summary>
    public int OrgUnitId { get; set; }
    public required string Person { get; set; }
    public required string Position { get; set; }
    /// <summary>述法场合 (e.g. 区委全会、年终述职会).</summary>
    public required string Occasion { get; set; }
    public DateOnly On { get; set; }
    /// <summary>评议结果.</summary>
    public string? Evaluation { get; set; }
}

/// <summary>一个单位某年度的法治政府建设年度报告: collected, and its publication tracked (公开率).</summary>
public sealed class AnnualLawReport : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    /// <summary>报告年度 (the year reported on; reported and published the next year).</summary>
    public int Year { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? Url { get; set; }
    public bool PublishedLate { get; set; }
}

public enum StudyKind
{
    [Description("常务会学法")] CouncilStudy,
    [Description("理论中心组学法")] CentralGroupStudy,
    [Description("任前法律知识考试")] PreAppointmentExam,
    [Description("学法用法考试")] AnnualExam,
}

/// <summary>学法 session or exam: participants (人次) and, for exams, those who passed.</summary>
public sealed class StudySession : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>组织单位.</summary>
    public int OrgUnitId { get; set; }
    public StudyKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>参加人数 (人次).</summary>
    public int Participants { get; set; }
    /// <summary>合格人数 (exams only).</summary>
    public int? Passed { get; set; }
    /// <summary>参加人员名单 or 授课人/学习内容.</summary>
    public string? Names { get; set; }

    public bool IsExam => Kind is StudyKind.PreAppointmentExam or StudyKind.AnnualExam;
}

public static class Names
{
    public static string Of(Enum value) => Kernel.Audit.AuditNames.AttributeLabel(value) ?? value.ToString();

    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase) || Of(v) == t)
                return v;
        return null;
    }
}
