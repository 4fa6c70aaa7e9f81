using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.Web.Modules.Enforcement.Domain;

namespace Fazhi.Web.Modules.Enforcement.Features.Catalogue;

/// <summary>One level of a 裁量基准 as people write it: amounts in yuan.</summary>
public sealed record BenchmarkDto(string? Level, decimal? Min, decimal? Max, string? Description = null);

/// <summary>
/// 裁量基准 written as text, the way a catalogue spreadsheet carries it in one cell:
/// <c>轻微:0-2000;一般:2000-10000;严重:10000-50000</c> (yuan). Full-width colons and semicolons, 元 after an amount,
/// ~ or 至 between the amounts and a note in brackets after the range (<c>一般:2000-10000（首次违法）</c>) are accepted,
/// because that is how catalogues published by bureaus are typed. Amounts are stored in fen.
/// </summary>
public static partial class BenchmarkText
{
    public const int MaxLevelLength = 32;
    public const int MaxDescriptionLength = 200;

    /// <summary>An amount above this (yuan) is taken for a typing error (a fine of ten billion yuan is not a benchmark).</summary>
    public const decimal MaxYuan = 10_000_000_000m;

    [GeneratedRegex(@"^(?<min>-?\s*[0-9][0-9,]*(?:\.[0-9]+)?)\s*元?\s*(?:-|~|～|－|—|–|至|到)\s*(?<max>-?\s*[0-9][0-9,]*(?:\.[0-9]+)?)\s*元?\s*(?:[(（](?<note>[^)）]*)[)）])?$")]
    private static partial Regex Range();

    /// <summary>Parses the text; every problem is reported (in Chinese, naming the part), and no level is returned then.</summary>
    public static List<DiscretionLevel> Parse(string? text, out List<string> errors)
    {
        errors = [];
        var levels = new List<DiscretionLevel>();
        if (string.IsNullOrWhiteSpace(text))
            return levels;
        var parts = text.Split([';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var colon = part.IndexOfAny([':', '：']);
            if (colon < 0)
            {
                errors.Add($"“{part}”应写作“级别:最低额-最高额”，如“一般:2000-10000”");
                continue;
            }
            var level = part[..colon].Trim();
            var m = Range().Match(part[(colon + 1)..].Trim());
            if (!m.Success)
            {
                errors.Add($"“{part}”的金额范围应写作“最低额-最高额”（单位元），如“2000-10000”");
                continue;
            }
            var min = ToYuan(m.Groups["min"].Value);
            var max = ToYuan(m.Groups["max"].Value);
            if (min is null || max is null)
            {
                errors.Add($"“{part}”的金额无法识别");
                continue;
            }
            var note = m.Groups["note"].Success ? m.Groups["note"].Value.Trim() : null;
            levels.Add(new DiscretionLevel { Level = level, MinFen = 0, MaxFen = 0, Description = string.IsNullOrEmpty(note) ? null : note });
            var problems = Check(new BenchmarkDto(level, min, max, note), levels.Count - 1, levels, out var checkedLevel);
            if (problems.Count > 0)
                errors.AddRange(problems.Select(p => $"“{part}”：{p}"));
            else
                levels[^1] = checkedLevel!;
        }
        if (errors.Count > 0)
            levels.Clear();
        return levels;
    }

    /// <summary>Checks structured levels (the API's form); every problem is reported.</summary>
    public static List<DiscretionLevel> FromDtos(IReadOnlyList<BenchmarkDto> dtos, out List<string> errors)
    {
        errors = [];
        var levels = new List<DiscretionLevel>();
        for (var i = 0; i < dtos.Count; i++)
        {
            levels.Add(new DiscretionLevel { Level = dtos[i].Level?.Trim() ?? "" });
            var problems = Check(dtos[i], i, levels, out var level);
            if (problems.Count > 0)
                errors.AddRange(problems.Select(p => $"第{i + 1}档“{dtos[i].Level}”：{p}"));
            else
                levels[i] = level!;
        }
        if (errors.Count > 0)
            levels.Clear();
        return levels;
    }

    /// <summary>The text form of stored levels, e.g. <c>轻微:0-2000;一般:2000-10000</c>.</summary>
    public static string Format(IEnumerable<DiscretionLevel> levels) =>
        string.Join(";", levels.Select(l => $"{l.Level}:{Yuan(l.MinFen)}-{Yuan(l.MaxFen)}" + (l.Description is null ? "" : $"（{l.Description}）")));

    public static BenchmarkDto ToDto(DiscretionLevel l) => new(l.Level, l.MinFen / 100m, l.MaxFen / 100m, l.Description);

    /// <summary>Yuan without needless decimals: 2000, 2000.5, 2000.25.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    private static decimal? ToYuan(string text) =>
        decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The checks of one level; <paramref name="levels"/> holds the levels so far (this one at <paramref name="index"/>).</summary>
    private static List<string> Check(BenchmarkDto dto, int index, List<DiscretionLevel> levels, out DiscretionLevel? level)
    {
        level = null;
        var problems = new List<string>();
        var name = dto.Level?.Trim() ?? "";
        if (name.Length == 0)
            problems.Add("请填写违法情节级别（如轻微、一般、较重、严重）");
        else if (name.Length > MaxLevelLength)
            problems.Add($"级别名称不能超过{MaxLevelLength}个字");
        else if (name.Any(c => c is ':' or '：' or ';' or '；' or '<' or '>' or '&' or '"' || char.IsControl(c)))
            problems.Add("级别名称不能包含冒号、分号或 < > & \" 等字符");
        else if (levels.Take(index).Any(l => l.Level == name))
            problems.Add($"级别“{name}”重复");
        if (dto.Min is null)
            problems.Add("请填写最低罚款额");
        if (dto.Max is null)
            problems.Add("请填写最高罚款额");
        if (dto.Min is { } min && dto.Max is { } max)
        {
            if (min < 0 || max < 0)
                problems.Add("罚款额不能为负数");
            else if (min > max)
                problems.Add($"最低额{min.ToString("0.##", CultureInfo.InvariantCulture)}元大于最高额{max.ToString("0.##", CultureInfo.InvariantCulture)}元");
            if (max > MaxYuan || min > MaxYuan)
                problems.Add($"罚款额超过{MaxYuan:0}元，请核对单位（元）");
            if (decimal.Round(min, 2) != min || decimal.Round(max, 2) != max)
                problems.Add("罚款额最多保留两位小数（分）");
        }
        var note = dto.Description?.Trim();
        if (note is { Length: > MaxDescriptionLength })
            problems.Add($"说明不能超过{MaxDescriptionLength}个字");
        if (problems.Count == 0)
            level = new DiscretionLevel
            {
                Level = name, MinFen = (long)(dto.Min!.Value * 100), MaxFen = (long)(dto.Max!.Value * 100),
                Description = string.IsNullOrEmpty(note) ? null : note,
            };
        return problems;
    }
}
