namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>
/// 呈报审批 of 行政复议: staff submit (呈报) an acceptance, an extension or a decision with its particulars to the Kernel's
/// approval service (<c>Kernel/Approvals</c>); a leader approves it with an instruction (批示), which carries out the
/// action, or returns it (退回); the submitter may withdraw (撤回). Which actions may be submitted: those whose handler is an
/// <c>IApprovableAction</c> (<c>Features/Actions</c>).
/// </summary>
public static class ReconApprovals
{
    /// <summary>The subject type of a 行政复议 approval: a case.</summary>
    public const string CaseSubject = "case";

    /// <summary>The subject type of a 签发 呈报: a draft document (issue 15 §6); approval issues it and takes its 文号.</summary>
    public const string DocumentSubject = "document";

    /// <summary>The action code of a 签发 呈报.</summary>
    public const string IssueAction = "Issue";
}
