using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Legality.Domain.Office;

/// <summary>督办通知 issued on an overdue or at-risk 工作要点 task: numbered per office and year, addressed to the owning
/// unit (<see cref="OrgUnitId"/>, so it sees the notice it received), the .docx kept as issued (GB/T 9704), and the task's
/// history carrying the 督办 entry it was issued with (<see cref="EntryId"/>).</summary>
public sealed class SupervisionNotice : IOrgOwned
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public long EntryId { get; set; }
    /// <summary>The task's 牵头单位, to whom the notice is addressed.</summary>
    public int OrgUnitId { get; set; }
    public int OfficeOrgUnitId { get; set; }
    public int Year { get; set; }
    /// <summary>文号, e.g. 环依法治办督〔2026〕3号.</summary>
    public required string Number { get; set; }
    public DateOnly IssuedOn { get; set; }
    /// <summary>书面反馈时限.</summary>
    public DateOnly ReplyBy { get; set; }
    /// <summary>The task's state when the notice was issued (超期 / 即将到期).</summary>
    public required string TaskState { get; set; }
    public required string Requirement { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required byte[] Content { get; set; }
}
