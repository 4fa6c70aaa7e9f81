using System.Text;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;

namespace Fazhi.Web.Modules.Reconsideration.Import;

/// <summary>
/// 被申请人名称对应: a name a ledger writes for an agency (<c>区市场监管局</c>) and the department of the org tree the
/// bureau chose for it. Kept per 复议机构 and matched by its normalised <see cref="Key"/>, so the next import that meets
/// the name (or a variant of it) matches silently. The bureau can list and delete its entries.
/// </summary>
public sealed class RespondentAlias : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The 复议机构 whose ledgers use the name.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The name as the ledger wrote it.</summary>
    public required string Name { get; set; }

    /// <summary><see cref="RespondentNames.Normalise"/> of <see cref="Name"/>.</summary>
    public required string Key { get; set; }

    public int RespondentOrgUnitId { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// How ledgers name agencies: with or without the city and district (<c>威海市环翠区市场监督管理局</c>, <c>环翠区市场监管局</c>,
/// <c>区市场监管局</c>), with the short forms in common use (监督管理→监管, 综合行政执法→综合执法). Both the ledger's name and
/// the org tree's names are normalised the same way; a name matches when exactly one department of the bureau's region
/// normalises to the same key.
/// </summary>
public static class RespondentNames
{
    /// <summary>Common short forms, longest first (applied after the region prefixes are gone).</summary>
    private static readonly (string Long, string Short)[] ShortForms =
    [
        ("市场监督管理", "市场监管"),
        ("综合行政执法", "综合执法"),
        ("监督管理", "监管"),
        ("人力资源和社会保障", "人社"),
        ("自然资源和规划", "自然资源"),
        ("住房和城乡建设", "住建"),
        ("人民政府", "政府"),
    ];

    /// <summary>The key two names share when they name the same agency: no spaces or brackets, no leading region names
    /// (given as <paramref name="regions"/>, full and short: 威海市/威海, 环翠区/环翠), no leading 区/县, short forms.</summary>
    public static string Normalise(string? name, IReadOnlyCollection<string> regions)
    {
        var s = new StringBuilder();
        foreach (var ch in (name ?? "").Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(ch) && ch is not ('（' or '）' or '(' or ')' or '“' or '”' or '"'))
                s.Append(ch);
        var key = s.ToString();
        bool stripped;
        do
        {
            stripped = false;
            foreach (var r in regions.OrderByDescending(r => r.Length))
                if (r.Length > 0 && key.Length > r.Length && key.StartsWith(r, StringComparison.Ordinal))
                {
                    key = key[r.Length..];
                    stripped = true;
                    break;
                }
            // 区市场监管局, 县农业农村局: "the district's" without its name (市 is left alone: 市场监管局 begins with it).
            if (!stripped && key.Length > 2 && key[0] is '区' or '县')
            {
                key = key[1..];
                stripped = true;
            }
        }
        while (stripped);
        foreach (var (l, sh) in ShortForms)
            key = key.Replace(l, sh, StringComparison.Ordinal);
        return key;
    }

    /// <summary>Region names to strip: each region's name and, for names of three characters or more, the name without
    /// its 省/市/区/县 (威海市 → 威海, 环翠区 → 环翠).</summary>
    public static IReadOnlyCollection<string> RegionNames(IEnumerable<string> regions)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in regions)
        {
            names.Add(r);
            if (r.Length >= 3 && r[^1] is '省' or '市' or '区' or '县')
                names.Add(r[..^1]);
        }
        return names;
    }

    /// <summary>The regions whose names a ledger may put before an agency's: those the caller sees and the ones above the
    /// bureau (威海市, 山东省: names only, from the org directory).</summary>
    public static async Task<IReadOnlyCollection<string>> RegionNamesAsync(Fazhi.Web.Data.FazhiDb db, OrgUnit owner, IEnumerable<OrgUnit> visible, CancellationToken ct)
    {
        var names = visible.Where(u => u.Kind.IsRegion()).Select(u => u.Name).ToList();
        var parts = owner.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= parts.Length; i++)
            if (await db.Orgs.FindByPathAsync("/" + string.Join("/", parts[..i]) + "/", ct) is { } e && e.Kind.IsRegion())
                names.Add(e.Name);
        return RegionNames(names);
    }
}

/// <summary>Matches ledger names to departments: exact name first, then the bureau's remembered choices, then a unique
/// normalised match among the departments of the bureau's region (its own region first, then everything visible).</summary>
public sealed class RespondentMatcher
{
    private readonly List<OrgUnit> _departments;
    private readonly List<OrgUnit> _local;
    private readonly IReadOnlyCollection<string> _regions;
    private readonly Dictionary<string, OrgUnit> _aliases;

    public RespondentMatcher(IReadOnlyList<OrgUnit> units, OrgUnit owner, IReadOnlyCollection<string> regions, IEnumerable<RespondentAlias> aliases)
    {
        _departments = [.. units.Where(u => !u.Kind.IsRegion())];
        _regions = regions;
        var byId = units.ToDictionary(u => u.Id);
        // The bureau's region: the region its unit sits under (环翠区司法局 → 环翠区).
        var own = owner.Path.TrimEnd('/');
        var region = owner.Kind.IsRegion() || own.LastIndexOf('/') <= 0 ? owner.Path : own[..(own.LastIndexOf('/') + 1)];
        _local = [.. _departments.Where(d => d.Path.StartsWith(region, StringComparison.Ordinal))];
        _aliases = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var a in aliases)
            if (byId.TryGetValue(a.RespondentOrgUnitId, out var u) && !u.Kind.IsRegion())
                _aliases[a.Key] = u;
    }

    /// <summary>The departments a choice can pick from: the bureau's region's, by name.</summary>
    public IReadOnlyList<OrgUnit> Choices => _local.Count > 0 ? _local : _departments;

    public string Key(string name) => RespondentNames.Normalise(name, _regions);

    public OrgUnit? Match(string name)
    {
        if (_departments.FirstOrDefault(o => o.Name == name) is { } exact)
            return exact;
        var key = Key(name);
        if (key.Length == 0)
            return null;
        if (_aliases.TryGetValue(key, out var remembered))
            return remembered;
        foreach (var pool in new[] { _local, _departments })
        {
            var hits = pool.Where(d => Key(d.Name) == key || (d.OfficialName is { } o && Key(o) == key)).Take(2).ToList();
            if (hits.Count == 1)
                return hits[0];
            if (hits.Count > 1)
                return null;   // ambiguous: the bureau chooses
        }
        return null;
    }
}
