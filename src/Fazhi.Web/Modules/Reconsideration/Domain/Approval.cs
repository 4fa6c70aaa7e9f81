using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>
/// 呈报审批 as data: staff submit (呈报) an acceptance, an extension or a decision with its particulars; a leader approves
/// it with an instruction (批示), which carries out the action, or returns it (退回); the submitter may withdraw (撤回).
/// </summary>
public sealed class Approval : IOrgOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public CaseAction Action { get; set; }
    public ApprovalStatus Status { get; set; }
    /// <summary>The action's particulars as submitted (JSON of the action request), executed on approval.</summary>
    public required string RequestJson { get; set; }
    /// <summary>呈报意见: why, in the submitter's words.</summary>
    public string? Note { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    /// <summary>批示 (approval) or the reason for 退回.</summary>
    public string? Opinion { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int Version { get; set; }

    public static bool IsApprovable(CaseAction action) => action is CaseAction.Accept or CaseAction.Extend or CaseAction.Decide;
}

public enum ApprovalStatus { Submitted, Approved, Returned, Withdrawn }

public static class ApprovalNames
{
    public static string Of(ApprovalStatus s) => s switch
    {
        ApprovalStatus.Submitted => "待审批",
        ApprovalStatus.Approved => "已批准",
        ApprovalStatus.Returned => "已退回",
        _ => "已撤回",
    };
}
