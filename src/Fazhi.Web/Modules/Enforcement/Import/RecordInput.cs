using System.Text.Json.Serialization;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Rules;

namespace Fazhi.Web.Modules.Enforcement.Import;

/// <summary>执法对象: an enterprise (<see cref="CreditCode"/>) or a person (<see cref="IdNumber"/>, optional).</summary>
public sealed record TargetInput(string? Name, string? CreditCode, string? IdNumber);

/// <summary>One record as a department sends it (JSON, one NDJSON line, or one Excel row).</summary>
public sealed record RecordInput
{
    /// <summary>The record's id in the department's system; (department, sourceId) identifies it.</summary>
    public string? SourceId { get; init; }

    /// <summary>检查 | 处罚 | 强制 | 其他 (or inspection | penalty | coercion | other).</summary>
    public string? Kind { get; init; }

    public string? ItemCode { get; init; }

    public TargetInput? Target { get; init; }

    /// <summary>Certificate numbers of the officers.</summary>
    public IReadOnlyList<string>? Officers { get; init; }

    public DateOnly? OpenedOn { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    /// <summary>罚没金额, yuan, at most two decimals.</summary>
    public decimal? Amount { get; init; }

    /// <summary>违法情节, as named in the item's 裁量基准.</summary>
    public string? Circumstance { get; init; }

    public bool? LegalReviewDone { get; init; }

    /// <summary>重大执法决定.</summary>
    public bool? Major { get; init; }

    public DateOnly? PublishedOn { get; init; }

    /// <summary>不罚轻罚.</summary>
    public bool? Lenient { get; init; }

    /// <summary>Optional: the sending department's code. When given it must be the batch's department.</summary>
    public string? Department { get; init; }
}

/// <summary>A record that passed every check, ready to store.</summary>
public sealed record ValidRecord(int Index, EnforcementRecord Record);

/// <summary>A refused record: its position in the batch (0-based), its sourceId if it had one, and every reason.</summary>
public sealed record RejectedRecord(int Index, string? SourceId, IReadOnlyList<string> Reasons);

/// <summary>The checks of one record, in Chinese, all reported at once (not only the first).</summary>
public static class RecordValidator
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public static List<string> Check(RecordInput r, IReadOnlyDictionary<string, EnforcementItem> catalogue, string departmentCode,
        DateOnly today, EnforcementOptions options, out EnforcementRecord? record)
    {
        var errors = new List<string>();
        record = null;
        var sourceId = r.SourceId?.Trim();
        if (string.IsNullOrEmpty(sourceId)) errors.Add("sourceId：不能为空");
        else if (sourceId.Length > 64) errors.Add("sourceId：不能超过64个字符");
        if (!string.IsNullOrWhiteSpace(r.Department) && r.Department.Trim() != departmentCode)
            errors.Add($"department：报送凭证属于部门{departmentCode}，不能报送部门{r.Department.Trim()}的记录");
        var kind = RecordNames.ParseKind(r.Kind);
        if (kind is null) errors.Add(string.IsNullOrWhiteSpace(r.Kind) ? "kind：不能为空（检查、处罚、强制或其他）" : $"kind：“{r.Kind}”不是检查、处罚、强制或其他");
        EnforcementItem? item = null;
        if (string.IsNullOrWhiteSpace(r.ItemCode)) errors.Add("itemCode：不能为空");
        else if (!catalogue.TryGetValue(r.ItemCode.Trim(), out item)) errors.Add($"itemCode：执法事项清单中没有编码“{r.ItemCode.Trim()}”");

        var name = r.Target?.Name?.Trim();
        var credit = r.Target?.CreditCode?.Trim().ToUpperInvariant();
        var idNumber = r.Target?.IdNumber?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(name)) errors.Add("target.name：执法对象名称不能为空");
        else if (name.Length > 200) errors.Add("target.name：不能超过200个字符");
        if (!string.IsNullOrEmpty(credit) && UnifiedSocialCreditCode.Validate(credit) is { } creditError) errors.Add($"target.creditCode：{creditError}");
        if (!string.IsNullOrEmpty(idNumber) && IdentityNumber.Validate(idNumber) is { } idError) errors.Add($"target.idNumber：{idError}");
        if (!string.IsNullOrEmpty(credit) && !string.IsNullOrEmpty(idNumber)) errors.Add("target：统一社会信用代码与身份证号只能填一个（企业或个人）");

        var officers = (r.Officers ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (officers.Any(string.IsNullOrEmpty)) errors.Add("officers：执法证号不能为空");
        if (officers.Any(o => o.Length > 32 || o.Contains(EnforcementRecord.OfficerSeparator, StringComparison.Ordinal))) errors.Add("officers：执法证号格式不正确");
        if (officers.Count > 10) errors.Add("officers：最多10名执法人员");

        if (r.OpenedOn is not { } opened) errors.Add("openedOn：立案（检查）日期不能为空");
        else
        {
            if (opened < Earliest) errors.Add($"openedOn：{opened:yyyy-MM-dd}早于2000年，不合理");
            if (opened > today) errors.Add($"openedOn：{opened:yyyy-MM-dd}晚于今天");
        }
        if (r.DecidedOn is { } decided)
        {
            if (decided < r.OpenedOn) errors.Add($"decidedOn：决定日期{decided:yyyy-MM-dd}早于立案日期{r.OpenedOn:yyyy-MM-dd}");
            if (decided > today) errors.Add($"decidedOn：{decided:yyyy-MM-dd}晚于今天");
        }
        if (r.ClosedOn is { } closed)
        {
            if (closed < r.OpenedOn) errors.Add($"closedOn：结案日期{closed:yyyy-MM-dd}早于立案日期{r.OpenedOn:yyyy-MM-dd}");
            if (closed < r.DecidedOn) errors.Add($"closedOn：结案日期{closed:yyyy-MM-dd}早于决定日期{r.DecidedOn:yyyy-MM-dd}");
            if (closed > today) errors.Add($"closedOn：{closed:yyyy-MM-dd}晚于今天");
        }
        if (r.PublishedOn is { } published)
        {
            if (r.DecidedOn is null) errors.Add("publishedOn：没有决定日期，不能有公示日期");
            else if (published < r.DecidedOn) errors.Add($"publishedOn：公示日期{published:yyyy-MM-dd}早于决定日期{r.DecidedOn:yyyy-MM-dd}");
            if (published > today) errors.Add($"publishedOn：{published:yyyy-MM-dd}晚于今天");
        }
        long? fen = null;
        if (r.Amount is { } amount)
        {
            if (amount < 0) errors.Add($"amount：金额不能为负数（{amount}）");
            else if (amount > options.MaxAmountYuan) errors.Add($"amount：金额{amount:#,0.##}元超出合理范围（不超过{options.MaxAmountYuan:#,0}元），请确认单位是否为元");
            else if (decimal.Round(amount, 2) != amount) errors.Add("amount：金额最多保留两位小数（单位：元）");
            else fen = (long)(amount * 100);
        }
        if (r.Circumstance is { Length: > 32 }) errors.Add("circumstance：不能超过32个字符");
        foreach (var (field, value) in new[] { ("sourceId", r.SourceId), ("itemCode", r.ItemCode), ("target.name", r.Target?.Name), ("target.creditCode", r.Target?.CreditCode),
                     ("target.idNumber", r.Target?.IdNumber), ("circumstance", r.Circumstance), ("officers", string.Concat(r.Officers ?? [])) })
            if (value?.Any(char.IsControl) == true)
                errors.Add($"{field}：含有控制字符（如换行、制表符或空字符），请删除");

        if (errors.Count > 0)
            return errors;
        record = new EnforcementRecord
        {
            SourceId = sourceId!,
            Kind = kind!.Value,
            ItemCode = item!.Code,
            ItemId = item.Id,
            TargetKind = string.IsNullOrEmpty(credit) ? TargetKind.Person : TargetKind.Enterprise,
            TargetName = name!,
            TargetCreditCode = string.IsNullOrEmpty(credit) ? null : credit,
            TargetIdNumber = string.IsNullOrEmpty(idNumber) ? null : idNumber,
            Officers = string.Join(EnforcementRecord.OfficerSeparator, officers),
            OfficerCount = officers.Distinct().Count(),
            OpenedOn = r.OpenedOn!.Value,
            DecidedOn = r.DecidedOn,
            ClosedOn = r.ClosedOn,
            CountedOn = r.DecidedOn ?? r.OpenedOn!.Value,
            AmountFen = fen,
            Circumstance = string.IsNullOrWhiteSpace(r.Circumstance) ? null : r.Circumstance.Trim(),
            LegalReviewDone = r.LegalReviewDone ?? false,
            Major = r.Major ?? false,
            PublishedOn = r.PublishedOn,
            Lenient = r.Lenient ?? false,
        };
        return errors;
    }

    /// <summary>Explains a JSON value of the wrong type, by the field it was found in.</summary>
    public static string DescribeJsonError(string? path)
    {
        var field = path is null ? null : path.TrimStart('$', '.').Split('[')[0];
        return field switch
        {
            "openedOn" or "decidedOn" or "closedOn" or "publishedOn" => $"{field}：日期格式应为 YYYY-MM-DD",
            "amount" => "amount：金额应为数字（单位：元）",
            "legalReviewDone" or "major" or "lenient" => $"{field}：应为 true 或 false",
            "officers" => "officers：应为执法证号的数组",
            "target" => "target：应为对象 {name, creditCode | idNumber}",
            "target.name" or "target.creditCode" or "target.idNumber" or "sourceId" or "kind" or "itemCode" or "circumstance" or "department" => $"{field}：应为文本（字符串）",
            null or "" => "不是一个 JSON 对象",
            _ => $"{field}：类型不正确",
        };
    }
}

[JsonSerializable(typeof(RecordInput))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
internal sealed partial class RecordInputJson : JsonSerializerContext;
