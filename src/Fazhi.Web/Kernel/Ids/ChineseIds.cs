using System.Globalization;

namespace Fazhi.Web.Kernel.Ids;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 17 digits (6 region, 8 birth date, 3 sequence) and a check character computed
/// with ISO 7064 MOD 11-2: the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, the remainder mapped to "10X98765432".
/// </summary>
public static class IdentityNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>Null when valid, otherwise the reason in Chinese.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length != 18)
            return "身份证号应为18位";
        var id = value.ToUpperInvariant();
        if (!id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
            return "身份证号前17位应为数字，末位为数字或X";
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
            return "身份证号中的出生日期无效";
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (id[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11] == id[17] ? null : "身份证号校验位不正确";
    }
}

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character set without I, O, Z, S, V; the check
/// character is 31 − (Σ value × weight mod 31), with 31 written as 0.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? value) => Validate(value) is null;

    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length != 18)
            return "统一社会信用代码应为18位";
        var code = value.ToUpperInvariant();
        if (code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
            return "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）";
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check] == code[17] ? null : "统一社会信用代码校验位不正确";
    }
}
