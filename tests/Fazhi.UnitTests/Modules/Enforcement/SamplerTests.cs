using Fazhi.Web.Modules.Enforcement.Features.Sampling;

namespace Fazhi.UnitTests.Modules.Enforcement;

/// <summary>The draw must be repeatable forever: these pin the algorithm (SHA-256 over seed ‖ id, little-endian) and
/// its properties.</summary>
public sealed class SamplerTests
{
    // Computed independently (Python hashlib/struct): first 8 bytes LE of SHA-256(pack('<q', seed) + pack('<q', id)).
    [Theory]
    [InlineData(42L, 1L, 936818002525049801UL)]
    [InlineData(0L, 0L, 15392584411371816759UL)]
    [InlineData(-1L, 123456789L, 1710029356784718015UL)]
    [InlineData(20250101L, 7L, 8435388260522646526UL)]
    public void The_key_is_the_first_eight_bytes_of_sha256_over_seed_and_id(long seed, long id, ulong expected) =>
        Sampler.Key(seed, id).ShouldBe(expected);

    [Fact]
    public void The_draw_takes_the_smallest_keys_in_order()
    {
        // Also computed independently: the 5 smallest keys under seed 42 among ids 1..20.
        Sampler.Draw(Enumerable.Range(1, 20).Select(i => (long)i), 42, 5).ShouldBe([1L, 4L, 20L, 9L, 19L]);
    }

    [Fact]
    public void The_draw_matches_a_full_sort_and_does_not_depend_on_row_order()
    {
        var ids = Enumerable.Range(1, 500).Select(i => (long)i * 7919).ToList();
        var expected = ids.OrderBy(i => Sampler.Key(99, i)).ThenBy(i => i).Take(37).ToList();
        Sampler.Draw(ids, 99, 37).ShouldBe(expected);
        Sampler.Draw(Enumerable.Reverse(ids), 99, 37).ShouldBe(expected);
        Sampler.Draw(ids.OrderBy(i => i % 13).ThenByDescending(i => i), 99, 37).ShouldBe(expected);
    }

    [Fact]
    public void Same_seed_same_records_other_seed_other_records()
    {
        var ids = Enumerable.Range(1, 200).Select(i => (long)i).ToList();
        Sampler.Draw(ids, 12345, 10).ShouldBe(Sampler.Draw(ids, 12345, 10));
        Sampler.Draw(ids, 12345, 10).ShouldNotBe(Sampler.Draw(ids, 12346, 10));
    }

    [Fact]
    public void A_grown_population_keeps_the_relative_order_of_the_old_records()
    {
        var before = Enumerable.Range(1, 100).Select(i => (long)i).ToList();
        var after = before.Concat(Enumerable.Range(101, 50).Select(i => (long)i)).ToList();
        var all = Sampler.Draw(after, 7, after.Count);
        all.Where(i => i <= 100).ShouldBe(Sampler.Draw(before, 7, before.Count));
        // A record drawn before stays drawn unless a newcomer outranks it: the old top 10 are within the new top 10 + newcomers.
        var oldTop = Sampler.Draw(before, 7, 10);
        var newTop = Sampler.Draw(after, 7, 10);
        newTop.Where(i => i <= 100).ShouldBe(oldTop.Take(newTop.Count(i => i <= 100)));
    }

    [Fact]
    public void Duplicates_count_once_and_the_count_is_capped_by_the_population()
    {
        Sampler.Draw([5, 5, 6, 6, 7], 1, 10).Count.ShouldBe(3);
        Sampler.Draw([5, 6, 7], 1, 0).ShouldBeEmpty();
        Sampler.Draw([], 1, 3).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(7, null, 30.0, 3)]     // ⌈2.1⌉
    [InlineData(10, null, 30.0, 3)]    // exactly 3
    [InlineData(10, null, 31.0, 4)]    // ⌈3.1⌉
    [InlineData(3, null, 0.01, 1)]     // never rounds to nothing
    [InlineData(7, null, 100.0, 7)]
    [InlineData(7, 3, null, 3)]
    [InlineData(7, 10, null, 7)]       // capped
    public void Count_for_a_number_or_a_percentage(int population, int? count, double? percent, int expected)
    {
        var (n, field, error) = Sampler.CountFor(population, count, percent is null ? null : (decimal)percent.Value);
        error.ShouldBeNull();
        field.ShouldBeNull();
        n.ShouldBe(expected);
    }

    [Theory]
    [InlineData(10, 0, null, "count")]
    [InlineData(10, -1, null, "count")]
    [InlineData(10, null, 0.0, "percent")]
    [InlineData(10, null, 150.0, "percent")]
    [InlineData(10, null, 12.345, "percent")]
    [InlineData(10, null, null, "count")]
    [InlineData(10, 3, 10.0, "count")]
    [InlineData(0, 3, null, "filter")]
    public void Impossible_requests_are_refused_in_chinese(int population, int? count, double? percent, string field)
    {
        var (_, f, error) = Sampler.CountFor(population, count, percent is null ? null : (decimal)percent.Value);
        f.ShouldBe(field);
        error.ShouldNotBeNull().ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }
}
