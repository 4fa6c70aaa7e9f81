using System.Text.RegularExpressions;

namespace Fazhi.Web.Kernel.Ids;

/// <summary>个人信息 shown in lists is masked (个人信息保护法): phones keep 3 + 4 digits, ID numbers 4 + 4.</summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    public static bool IsMobileOrLandline(string phone) => PhonePattern().IsMatch(phone);

    /// <summary><c>13812345678</c> → <c>138****5678</c>.</summary>
    public static string? MaskPhone(string? phone) =>
        string.IsNullOrEmpty(phone) ? phone : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary><c>370602199001011234</c> → <c>3706**********1234</c>.</summary>
    public static string? MaskIdNumber(string? id) =>
        string.IsNullOrEmpty(id) ? id : id.Length <= 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];
}
