using System.Reflection;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>
/// What of a personal or encrypted field reaches the 操作日志: never its plaintext (issue 14 §7; 密评: data protected
/// by field encryption must not be copied in clear into the log). A field is protected when the module's vocabulary
/// declares it personal (身份证号, phone, email: stored masked as every list shows it) or when
/// <see cref="IsSensitive"/> says so (stored as <see cref="Hidden"/>). Old entries written before this rule are still
/// masked when read (<see cref="AuditReader"/>).
/// </summary>
public static class SensitiveProperties
{
    public const string Hidden = "******";

    /// <summary>True for a property whose value must not enter the log in clear: one marked
    /// <see cref="Security.EncryptedAttribute"/> (the DbContext writes its ciphertext instead, see FazhiDb.Snapshot).</summary>
    public static bool IsSensitive(PropertyInfo? property) => Security.EncryptedAttribute.IsOn(property);

    /// <summary>The value to write for a property: masked (personal), hidden (sensitive) or as it is.</summary>
    public static object? Protect(object? value, PropertyInfo? property, PersonalDataKind personal)
    {
        if (value is null)
            return null;
        if (personal != PersonalDataKind.None)
            return value is string s ? (s.Length == 0 ? s : AuditReader.Mask(personal, s)) : Hidden;
        return IsSensitive(property) ? Hidden : value;
    }
}
