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
}
