namespace Fazhi.Web.Modules.Hotline.Features.Disputes;

/// <summary>A ticket as the miner sees it: where (街道 code, 社区), what (its words), and how it travelled.</summary>
public sealed record MinedTicket(string TicketNo, string TownCode, string? Community, IReadOnlyList<string> Words, string? Department,
    int Reassignments, int Bounces, IReadOnlyList<string> DepartmentsTouched, DateTime ReceivedAtUtc);

/// <summary>A cluster worth a 会商: its stable key, place, topic words, tickets, how disputed, and its rank score.</summary>
public sealed record DisputeCluster(string Key, string TownCode, string? Community, IReadOnlyList<string> Topic, IReadOnlyList<string> TicketNos,
    int Disputed, int Bounces, int Reassignments, int Unassigned, IReadOnlyList<string> Departments, DateTime LastAtUtc, double Score);

/// <summary>
/// 管辖争议挖掘: groups tickets by place (the 街道 their address was normalised to, and the 社区 when named), then by text
/// similarity inside a place (greedy: a ticket joins the cluster whose word set it shares most with, overlap ≥
/// <see cref="Similarity"/>, found through an inverted index of words, else starts its own). A cluster is a dispute when
/// at least <see cref="MinDisputed"/> of its tickets were reassigned two or more times, bounced (退单), or have no
/// department. Ranked by recency-weighted frequency: Σ exp(−age/<see cref="HalfLifeDays"/>·ln2) over its disputed tickets.
/// </summary>
public sealed class ClusterMiner
{
    public double Similarity { get; init; } = 0.4;

    public int MinDisputed { get; init; } = 3;

    public double HalfLifeDays { get; init; } = 90;

    /// <summary>How many words of a cluster make its topic (and its key).</summary>
    public const int TopicWords = 3;

    public static bool IsDisputed(MinedTicket t) => t.Reassignments >= 2 || t.Bounces >= 1 || t.Department is null;

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
        var result = new List<DisputeCluster>();
        foreach (var place in tickets.GroupBy(t => (t.TownCode, t.Community)))
        {
            var clusters = new List<Cluster>();
            var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var t in place.OrderBy(t => t.ReceivedAtUtc))
            {
                var words = t.Words.Distinct(StringComparer.Ordinal).ToList();
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
