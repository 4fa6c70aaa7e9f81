using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Fazhi.Web.Modules.Enforcement.Features.Sampling;

/// <summary>
/// 双随机抽取: ranks every candidate by a keyed hash of (seed, record id) and takes the smallest. A record's key depends
/// on nothing but the seed and its own id, so the draw does not depend on the order the database returns rows in, can
/// be repeated by anyone holding the seed years later, and a record added to the population only competes for a place:
/// it never reshuffles the others. SHA-256 is fixed by standard, unlike <see cref="Random"/>, whose sequence may change
/// between .NET versions.
/// </summary>
public static class Sampler
{
    /// <summary>The rank key: the first 8 bytes (little-endian) of SHA-256(seed LE ‖ record id LE).</summary>
    public static ulong Key(long seed, long recordId)
    {
        Span<byte> input = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(input, seed);
        BinaryPrimitives.WriteInt64LittleEndian(input[8..], recordId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>The <paramref name="count"/> ids with the smallest keys (ties by id), smallest first. Duplicated ids
    /// count once.</summary>
    public static IReadOnlyList<long> Draw(IEnumerable<long> population, long seed, int count)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
            return [];
        // A max-heap of the best `count` so far: O(P log N) time and O(N) memory over a population of any size.
        var heap = new PriorityQueue<long, (ulong Key, long Id)>(count + 1, Descending.Instance);
        var seen = new HashSet<long>();
        foreach (var id in population)
        {
            if (!seen.Add(id))
                continue;
            var key = (Key(seed, id), id);
            if (heap.Count < count)
                heap.Enqueue(id, key);
            else if (heap.TryPeek(out _, out var worst) && Compare(key, worst) < 0)
                heap.EnqueueDequeue(id, key);
        }
        var drawn = new List<(ulong Key, long Id)>(heap.Count);
        while (heap.TryDequeue(out _, out var key))
            drawn.Add(key);
        drawn.Sort(Compare);
        return [.. drawn.Select(d => d.Id)];
    }

    /// <summary>How many to draw: N capped at the population, or ⌈population × p / 100⌉. Null with a Chinese reason
    /// (and the field it concerns) when the request cannot be drawn.</summary>
    public static (int Count, string? Field, string? Error) CountFor(int population, int? count, decimal? percent)
    {
        if (count is null && percent is null)
            return (0, "count", "请填写抽取数量（count）或比例（percent）");
        if (count is not null && percent is not null)
            return (0, "count", "抽取数量与比例只能填写一个");
        if (count is <= 0)
            return (0, "count", "抽取数量应大于0");
        if (percent is { } p && (p <= 0 || p > 100))
            return (0, "percent", "抽取比例应大于0且不超过100");
        if (percent is { } q && decimal.Round(q, 2) != q)
            return (0, "percent", "抽取比例最多保留两位小数");
        if (population <= 0)
            return (0, "filter", "符合条件的执法记录为0条，无法抽取");
        var n = count ?? (int)Math.Ceiling(population * percent!.Value / 100m);
        return (Math.Min(n, population), null, null);
    }

    private static int Compare((ulong Key, long Id) a, (ulong Key, long Id) b)
    {
        var c = a.Key.CompareTo(b.Key);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    private sealed class Descending : IComparer<(ulong Key, long Id)>
    {
        public static Descending Instance { get; } = new();

        public int Compare((ulong Key, long Id) x, (ulong Key, long Id) y) => Sampler.Compare(y, x);
    }
}
