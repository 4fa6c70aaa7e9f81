using FluentValidation;
using FluentValidation.Results;

namespace Fazhi.Web.Kernel.Web;

public static class Validation
{
    /// <summary>Validates and throws <see cref="FazhiValidationException"/> with every failing field.</summary>
    public static void ThrowIfInvalid<T>(this IValidator<T> validator, T instance)
    {
        var result = validator.Validate(instance);
        if (!result.IsValid)
            throw ToException(result);
    }

    public static FazhiValidationException ToException(ValidationResult result) => new(
        result.Errors.GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    /// <summary>The failing fields so far, to which a handler adds the checks that need the database, so the
    /// user sees every problem at once.</summary>
    public static Dictionary<string, string[]> ErrorsOf<T>(this IValidator<T> validator, T instance) =>
        new(ToException(validator.Validate(instance)).Errors);

    private static string JsonName(string property) =>
        string.IsNullOrEmpty(property) ? "$" : char.ToLowerInvariant(property[0]) + property[1..];

    /// <summary>Names shown in lists and trees: plain text without markup or control characters.</summary>
    public static IRuleBuilderOptions<T, string?> PlainName<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength) => rule
        .NotEmpty().WithMessage($"{label}不能为空")
        .MaximumLength(maxLength).WithMessage($"{label}不能超过{maxLength}个字符")
        .Must(s => s is null || (!s.Any(c => c is '<' or '>' or '&' or '"' || char.IsControl(c)) && s.Trim() == s))
        .WithMessage($"{label}不能包含 < > & \" 等特殊字符或首尾空格");
}
