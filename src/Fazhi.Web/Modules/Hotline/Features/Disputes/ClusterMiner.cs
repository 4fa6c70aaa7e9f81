namespace Fazhi.Web.Modules.Hotline.Features.Disputes;

/// <summary>A ticket as the miner sees it: where (街道 code, 社区), what (its words, the place's own words left out: see
/// <see cref="ClusterMiner.WordsAbout"/>), how it travelled, and whether it concerns administrative enforcement (staff label,
/// else the trained model, else a term of the user dictionary: only such a ticket without a department is "unclear").</summary>
public sealed record MinedTicket(string TicketNo, string TownCode, string? Community, IReadOnlyList<string> Words, string? Department,
    int Reassignments, int Bounces, IReadOnlyList<string> DepartmentsTouched, DateTime ReceivedAtUtc, bool Enforcement);

/// <summary>A cluster worth a 会商: its stable key, place, topic words, tickets, how disputed, and its rank score.</summary>
public sealed record DisputeCluster(string Key, string TownCode, string? Community, IReadOnlyList<string> Topic, IReadOnlyList<string> TicketNos,
    int Disputed, int Bounces, int Reassignments, int Unassigned, IReadOnlyList<string> Departments, DateTime LastAtUtc, double Score);

/// <summary>
/// 管辖争议挖掘: groups tickets by place (the 街道 their address was normalised to, and the 社区 when named), then by text
/// similarity inside a place (greedy: a ticket joins the cluster whose word set it shares most with, overlap ≥
/// <see cref="Similarity"/>, found through an inverted index of words, else starts its own). A cluster is a dispute when
/// at least <see cref="MinDisputed"/> of its tickets were reassigned two or more times, bounced (退单), or concern
/// administrative enforcement and have no department (a 路灯 or 社保 ticket nobody took is not a jurisdiction dispute of
/// the bureau's). Words most tickets of the period use (“周边群众意见很大”, “小区门口”: more than <see cref="CommonShare"/>
/// of at least <see cref="CommonFrom"/> tickets, the user dictionary's terms excepted) say how people complain, not about what, and are left out. Ranked by recency-weighted frequency: Σ exp(−age/<see cref="HalfLifeDays"/>·ln2) over its disputed tickets.
/// </summary>
public sealed class ClusterMiner
{
    public double Similarity { get; init; } = 0.4;

    public int MinDisputed { get; init; } = 3;

    public double HalfLifeDays { get; init; } = 90;

    /// <summary>A word in more than this share of the period's tickets is boilerplate, not a topic.</summary>
    public double CommonShare { get; init; } = 0.04;

    /// <summary>The user dictionary's enforcement terms: a topic by definition, never boilerplate however common
    /// (占道经营 may be a tenth of a city's tickets and still tells one matter from another).</summary>
    public IReadOnlySet<string> Terms { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Below this many tickets no word is treated as boilerplate (too few to tell).</summary>
    public int CommonFrom { get; init; } = 200;

    /// <summary>How many words of a cluster make its topic (and its key).</summary>
    public const int TopicWords = 3;

    public static bool IsDisputed(MinedTicket t) => t.Reassignments >= 2 || t.Bounces >= 1 || (t.Department is null && t.Enforcement);

    private static readonly string[] AddressEndings = ["路", "街", "巷", "弄", "号", "大道"];

    /// <summary>The words of a ticket's text that may say what it is about: the words of its place (the address names the
    /// where: 海滨北路 cut into 海滨 and 北路 is no topic) and address-like words (…路, …街, …号, 社区, 街道) left out.</summary>
    public static IReadOnlyList<string> WordsAbout(IEnumerable<string> textWords, IEnumerable<string> placeWords)
    {
        var place = placeWords.ToHashSet(StringComparer.Ordinal);
        return [.. textWords.Where(w => !place.Contains(w) && w is not ("社区" or "街道" or "小区") &&
                                        !AddressEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal)))];
    }

    /// <summary>The boilerplate words of a set of tickets (see <see cref="CommonShare"/>).</summary>
    public HashSet<string> CommonWords(IReadOnlyCollection<MinedTicket> tickets)
    {
        var common = new HashSet<string>(StringComparer.Ordinal);
        if (tickets.Count < CommonFrom)
            return common;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tickets)
            foreach (var w in t.Words.Distinct(StringComparer.Ordinal))
                df[w] = df.GetValueOrDefault(w) + 1;
        foreach (var (w, n) in df)
            if (n > CommonShare * tickets.Count && !Terms.Contains(w))
                common.Add(w);
        return common;
    }

    private sealed class Cluster(string town, string? community)
    {
        public string Town { get; } = town;
        public string? Community { get; } = community;
        public List<MinedTicket> Tickets { get; } = [];
        public Dictionary<string, int> WordCounts { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

        public void Add(MinedTicket t)
        {
            Tickets.Add(t);
            foreach (var w in t.Words.Distinct(StringComparer.Ordinal))
            {
                WordCounts[w] = WordCounts.GetValueOrDefault(w) + 1;
                // The cluster's word set: words a third of its tickets share (its first ticket's words to begin with).
                if (Tickets.Count == 1 || WordCounts[w] * 3 >= Tickets.Count)
                    Words.Add(w);
            }
        }
    }

    /// <summary>Overlap coefficient |A∩B| / min(|A|, |B|): a short ticket that says the cluster's matter in few words
    /// still joins it (Jaccard would punish it for the cluster's breadth).</summary>
    public static double Overlap(IReadOnlySet<string> a, IReadOnlyCollection<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        return b.Count(a.Contains) / (double)Math.Min(a.Count, b.Count);
    }

    public IReadOnlyList<DisputeCluster> Mine(IEnumerable<MinedTicket> tickets, DateTime nowUtc)
    {
        var all = tickets as IReadOnlyCollection<MinedTicket> ?? [.. tickets];
        var common = CommonWords(all);
        if (common.Count > 0)
            all = [.. all.Select(t => t with { Words = [.. t.Words.Where(w => !common.Contains(w))] })];
        var result = new List<DisputeCluster>();
        foreach (var place in all.GroupBy(t => (t.TownCode, t.Community)))
        {
            var clusters = new List<Cluster>();
            var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var t in place.OrderBy(t => t.ReceivedAtUtc))
            {
                var words = t.Words.Distinct(StringComparer.Ordinal).ToList();
                if (words.Count == 0)
                    continue; // nothing left that says what it is about: it cannot be told to be the same matter
                var best = -1;
                var bestScore = 0.0;
                foreach (var c in words.SelectMany(w => index.GetValueOrDefault(w) ?? []).Distinct())
                {
                    var s = Overlap(clusters[c].Words, words);
                    if (s > bestScore)
                        (best, bestScore) = (c, s);
                }
                if (best < 0 || bestScore < Similarity)
                {
                    clusters.Add(new Cluster(place.Key.TownCode, place.Key.Community));
                    best = clusters.Count - 1;
                }
                var before = clusters[best].Words.ToHashSet(StringComparer.Ordinal);
                clusters[best].Add(t);
                foreach (var w in clusters[best].Words.Where(w => !before.Contains(w)))
                    (index.TryGetValue(w, out var l) ? l : index[w] = []).Add(best);
            }
            foreach (var c in clusters)
            {
                var disputed = c.Tickets.Where(IsDisputed).ToList();
                if (disputed.Count < MinDisputed)
                    continue;
                // Ties go to the longer word: a term of the user dictionary (露天烧烤) says more than a street's half (北路).
                var topic = c.WordCounts.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Take(TopicWords).Select(kv => kv.Key).ToList();
                var score = disputed.Sum(t => Math.Exp(-Math.Max(0, (nowUtc - t.ReceivedAtUtc).TotalDays) / HalfLifeDays * Math.Log(2)));
                result.Add(new DisputeCluster(KeyOf(c.Town, c.Community, topic), c.Town, c.Community, topic,
                    [.. c.Tickets.Select(t => t.TicketNo)], disputed.Count, c.Tickets.Sum(t => t.Bounces), c.Tickets.Sum(t => t.Reassignments),
                    c.Tickets.Count(t => t.Department is null),
                    [.. c.Tickets.SelectMany(t => t.DepartmentsTouched.Append(t.Department)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    c.Tickets.Max(t => t.ReceivedAtUtc), Math.Round(score, 3)));
            }
        }
        return [.. result.OrderByDescending(c => c.Score).ThenByDescending(c => c.LastAtUtc).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }

    public static string KeyOf(string town, string? community, IEnumerable<string> topic) =>
        $"{town}|{community}|{string.Join(" ", topic.Order(StringComparer.Ordinal))}";

    /// <summary>跟踪: a ticket recurs the matter when it is about the same place and shares at least two of its topic
    /// words (all of them when the topic has fewer).</summary>
    public static bool Recurs(string town, string? community, IReadOnlyCollection<string> topic, MinedTicket t) =>
        t.TownCode == town && (community is null || t.Community == community) &&
        topic.Count(t.Words.Contains) >= Math.Min(2, topic.Count);
}
