namespace Fazhi.Web.Kernel.Audit;

/// <summary>
/// 操作日志: one create, update or delete (or a security event such as a login). Append-only: the DbContext
/// refuses to update or delete an entry, and each entry's HMAC-SM3 hash covers the previous entry's hash, so an edit
/// made behind Fazhi's back breaks the chain at that entry (<see cref="AuditChain.Verify"/>), and signed checkpoints
/// outside the database reveal lost newest entries (<see cref="AuditCheckpoints"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, assigned under a lock (1, 2, 3 …); also the key.</summary>
    public long Seq { get; set; }

    public DateTime AtUtc { get; set; }

    public int? UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>The org unit the record belongs to (or the actor's unit for events without a record).</summary>
    public int? OrgUnitId { get; set; }

    /// <summary>Create | Update | Delete | Login | LoginFailed | LockedOut …</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? BeforeJson { get; set; }

    public string? AfterJson { get; set; }

    public string? RequestId { get; set; }

    public string? ClientAddress { get; set; }

    public required string PrevHash { get; set; }

    /// <summary>How <see cref="Hash"/> is computed: <see cref="AuditChain.PlainSm3"/> for entries written before the
    /// chain was keyed, <see cref="AuditChain.KeyedSm3"/> (HMAC-SM3) for every later one.</summary>
    public int HashVersion { get; set; }

    public required string Hash { get; set; }
}

public static class AuditActions
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string Login = "Login";
    public const string LoginFailed = "LoginFailed";
    public const string LockedOut = "LockedOut";
    /// <summary>查看个人信息明文: someone holding <see cref="AuditReader.UnmaskPermission"/> read or exported the log unmasked.</summary>
    public const string UnmaskPersonalData = "UnmaskPersonalData";
    /// <summary>导出: a signed-in user downloaded an export (Excel/CSV), see <see cref="AccessAudit"/>.</summary>
    public const string Export = "Export";
    /// <summary>下载: a signed-in user downloaded a file (a generated 法律文书, an attachment).</summary>
    public const string Download = "Download";
    /// <summary>拒绝访问: a refused request (403, or the 404 of a record outside the user's scope).</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>Every action, in the order the 业务类型 filter lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Create, Update, Delete, Login, LoginFailed, LockedOut, UnmaskPersonalData, Export, Download, AccessDenied];

    /// <summary>业务类型, as RuoYi's 操作日志 names them.</summary>
    public static string ChineseName(string action) => action switch
    {
        Create => "新增",
        Update => "修改",
        Delete => "删除",
        Login => "登录",
        LoginFailed => "登录失败",
        LockedOut => "账号锁定",
        UnmaskPersonalData => "查看个人信息明文",
        Export => "导出",
        Download => "下载",
        AccessDenied => "拒绝访问",
        _ => action,
    };

    /// <summary>The action named by its code or its 业务类型 (新增 → Create); null if neither.</summary>
    public static string? Parse(string? value)
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) ? null : All.FirstOrDefault(a => a == v || ChineseName(a) == v);
    }
}

/// <summary>A row that rules derive from already-audited facts (a warning raised by the enforcement rules engine):
/// its creation is not audited one by one, but every later change a person makes to it is. Creating it, and a change
/// the rules make (<see cref="ChangedByRules"/>: a warning closed because a correction elsewhere made its finding
/// untrue), are not writes of the caller's, so the caller's data scope does not limit them; the change is audited.</summary>
public interface IDerivedOnCreate
{
    /// <summary>Set (not stored) by the rules when they change the row in this save.</summary>
    bool ChangedByRules { get; }
}
