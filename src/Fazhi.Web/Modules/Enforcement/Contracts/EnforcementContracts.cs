namespace Fazhi.Web.Modules.Enforcement.Contracts;

/// <summary>
/// 执法投诉转办: another module (12345 热线) hands a complaint about an enforcement department's conduct to 行政执法监督.
/// It becomes a warning of the rule <see cref="EnforcementComplaintRule.Code"/> (投诉转办) on that department, followed like any warning (反馈 → 整改 →
/// 销号, with the same working-day deadlines). Opening the same source reference twice returns the first.
/// </summary>
public interface IEnforcementComplaints
{
    /// <summary>Opens the matter for the department (its org code, within the caller's data scope). Throws a
    /// validation error naming the field (departmentCode, creditCode, enterpriseName, text, sourceRef), or not found
    /// when the department is unknown or out of scope.</summary>
    Task<ComplaintOpened> OpenAsync(ComplaintRequest request, CancellationToken ct);
}

/// <summary>A complaint to hand over: the 执法部门's org code (371002-SCJG); the enterprise's 统一社会信用代码 if known and
/// its name; the complaint as received (at most 800 characters); the calling module's reference (12345 工单号, at most 64
/// characters, one matter per reference and department).</summary>
public sealed record ComplaintRequest(string DepartmentCode, string? EnterpriseCreditCode, string EnterpriseName, string Text, string SourceRef);

/// <summary>The warning that carries the matter (/enforcement/warning/{id}), its department, dates and status;
/// <c>AlreadyOpen</c> when this reference had been opened before (nothing new was created).</summary>
public sealed record ComplaintOpened(long WarningId, string Department, DateOnly RaisedOn, DateOnly FeedbackDueOn, string Status, bool AlreadyOpen);

public static class EnforcementComplaintRule
{
    /// <summary>The rule code of complaint warnings: ZF11 投诉转办, listed with the other rules (统计 by rule, the
    /// warnings filter).</summary>
    public const string Code = "ZF11";
}

/// <summary>An enterprise's 行政检查 and 行政处罚 as the departments reported them, within the caller's data scope.</summary>
public interface IEnterpriseRecords
{
    /// <summary>Inspections and penalties of the enterprise with this 统一社会信用代码 counted (decided, or inspected) in
    /// [<paramref name="from"/>, <paramref name="to"/>], newest first, at most 1000. Throws a validation error for an
    /// invalid credit code or a period that ends before it starts.</summary>
    Task<IReadOnlyList<EnterpriseRecord>> ForEnterpriseAsync(string creditCode, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>The enterprises named in a text (12345 工单): those with inspections or penalties counted in
    /// [<paramref name="from"/>, <paramref name="to"/>] under the unit <paramref name="orgCode"/> (null: the caller's scope)
    /// whose registered name, or its short form (without the leading 省/市/区县 and the trailing 有限公司 etc., at least
    /// three characters), appears in <paramref name="text"/>; the longest match first, at most five.</summary>
    Task<IReadOnlyList<EnterpriseNamed>> NamedInAsync(string text, string? orgCode, DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>An enterprise found in a text: its 统一社会信用代码, registered name, and the words of the text that named it.</summary>
public sealed record EnterpriseNamed(string CreditCode, string Name, string MatchedAs);

/// <summary>One record: <c>Kind</c> is inspection or penalty (<c>KindName</c> 行政检查 or 行政处罚), <c>Amount</c> the
/// 罚没金额 in 元 of a penalty.</summary>
public sealed record EnterpriseRecord(long Id, string Kind, string KindName, string DepartmentCode, string Department, string SourceId,
    string ItemCode, string? ItemName, string EnterpriseName, DateOnly OpenedOn, DateOnly? DecidedOn, decimal? Amount, string? Circumstance);
