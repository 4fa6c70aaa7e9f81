using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Kernel.Approvals;

/// <summary>
/// 呈报审批 as data, for any module's action: staff submit (呈报) an action on a subject with its parameters; someone
/// holding the module's decide permission approves it with an instruction (批示), which carries out the action through
/// the module's <see cref="IApprovalHandler"/>, or returns it (退回); the submitter may withdraw (撤回).
/// </summary>
public sealed class Approval : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>The module's code (<c>recon</c>), which names its <see cref="IApprovalHandler"/>.</summary>
    public required string Module { get; set; }
    /// <summary>What kind of record the action is on (<c>case</c>), as the handler names it.</summary>
    public required string SubjectType { get; set; }
    public long SubjectId { get; set; }
    /// <summary>The unit that owns the subject: the approval is seen within that unit's data scope.</summary>
    public int OrgUnitId { get; set; }
    /// <summary>The action, as the handler codes it (<c>Accept</c>).</summary>
    public required string ActionCode { get; set; }
    /// <summary>The action's particulars as submitted (JSON), executed on approval.</summary>
    public required string ParametersJson { get; set; }
    /// <summary>呈报意见: why, in the submitter's words.</summary>
    public string? Note { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public ApprovalStatus Status { get; set; }
    /// <summary>批示 (approval) or the reason for 退回.</summary>
    public string? Opinion { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int Version { get; set; }
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

/// <summary>
/// A module's side of 呈报审批, one per module (registered with <c>services.AddScoped&lt;IApprovalHandler, …&gt;()</c>):
/// which permission may decide, how its subjects and actions read in Chinese, and what approval carries out.
/// </summary>
public interface IApprovalHandler
{
    /// <summary>The module's code, stored in <see cref="Approval.Module"/>.</summary>
    string Module { get; }

    /// <summary>The permission that may approve or return (e.g. <c>recon:approval:decide</c>).</summary>
    string DecidePermission { get; }

    /// <summary>The action's Chinese name (受理).</summary>
    string ActionName(string actionCode);

    /// <summary>The submitted particulars in one line (2024-05-07受理，普通程序).</summary>
    string Summary(Approval approval);

    /// <summary>The subjects named in Chinese (行政复议案件 环翠复〔2024〕3号), and their page if there is one; the
    /// subjects are read within the caller's data scope.</summary>
    Task<IReadOnlyDictionary<long, (string Name, string? Href)>> DescribeAsync(string subjectType, IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>Carries out the approved action inside the approval's transaction; throws (validation, conflict) to
    /// leave both the subject and the approval unchanged.</summary>
    Task ExecuteAsync(Approval approval, CancellationToken ct);
}
