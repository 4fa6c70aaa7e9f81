using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features.Catalogue;

namespace Fazhi.UnitTests.Modules.Enforcement;

public sealed class CertificateTests
{
    private static readonly DateOnly Issued = new(2024, 3, 1);
    private static readonly DateOnly Expires = new(2029, 2, 28);

    private static Officer Certificate(CertificateStatus status = CertificateStatus.Valid, DateOnly? since = null) => new()
    {
        Name = "张三", CertificateNumber = "37100200001", IssuedOn = Issued, ExpiresOn = Expires, Status = status, StatusSince = since,
    };

    [Fact]
    public void A_certificate_is_valid_from_its_issue_day_through_its_expiry_day()
    {
        var c = Certificate();
        c.ValidOn(Issued.AddDays(-1)).ShouldBeFalse();
        c.ValidOn(Issued).ShouldBeTrue();
        c.ValidOn(new DateOnly(2026, 6, 1)).ShouldBeTrue();
        c.ValidOn(Expires).ShouldBeTrue();
        c.ValidOn(Expires.AddDays(1)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(CertificateStatus.Suspended)]
    [InlineData(CertificateStatus.Cancelled)]
    [InlineData(CertificateStatus.Revoked)]
    public void A_certificate_stops_being_valid_on_the_day_it_is_suspended_cancelled_or_revoked(CertificateStatus status)
    {
        var since = new DateOnly(2026, 5, 10);
        var c = Certificate(status, since);
        c.ValidOn(since.AddDays(-1)).ShouldBeTrue();   // acts before the decision stay lawful
        c.ValidOn(since).ShouldBeFalse();
        c.ValidOn(since.AddDays(30)).ShouldBeFalse();
        c.ValidOn(Issued.AddDays(-1)).ShouldBeFalse(); // and it never covers days before issue
    }

    [Fact]
    public void A_status_without_a_date_does_not_reach_back_and_a_dated_one_starts_that_day()
    {
        var c = Certificate(CertificateStatus.Suspended, since: null);
        c.ValidOn(Issued).ShouldBeTrue(); // no date known: the status alone does not reach back
        var dated = Certificate(CertificateStatus.Suspended, since: Issued);
        dated.ValidOn(Issued).ShouldBeFalse();
    }

    [Fact]
    public void A_restored_certificate_is_valid_again_whatever_its_status_date()
    {
        var c = Certificate(CertificateStatus.Valid, since: new DateOnly(2026, 5, 10));
        c.ValidOn(new DateOnly(2026, 5, 9)).ShouldBeTrue();
        c.ValidOn(new DateOnly(2026, 5, 10)).ShouldBeTrue();
        c.ValidOn(Expires.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Benchmark_text_is_read_into_fen()
    {
        var levels = BenchmarkText.Parse("轻微:0-2000;一般:2000-10000;严重:10000-50000", out var errors);
        errors.ShouldBeEmpty();
        levels.Select(l => (l.Level, l.MinFen, l.MaxFen)).ShouldBe([("轻微", 0L, 200_000L), ("一般", 200_000L, 1_000_000L), ("严重", 1_000_000L, 5_000_000L)]);
    }

    [Fact]
    public void Benchmark_text_takes_the_ways_catalogues_are_typed()
    {
        var levels = BenchmarkText.Parse(" 轻微：0元～2,000元；一般 : 2000.5 至 10000（首次违法）; ", out var errors);
        errors.ShouldBeEmpty();
        levels.Count.ShouldBe(2);
        levels[0].MaxFen.ShouldBe(200_000);
        levels[1].Level.ShouldBe("一般");
        levels[1].MinFen.ShouldBe(200_050);
        levels[1].Description.ShouldBe("首次违法");
        BenchmarkText.Format(levels).ShouldBe("轻微:0-2000;一般:2000.5-10000（首次违法）");
        BenchmarkText.Parse(BenchmarkText.Format(levels), out var again).Select(l => (l.Level, l.MinFen, l.MaxFen, l.Description))
            .ShouldBe(levels.Select(l => (l.Level, l.MinFen, l.MaxFen, l.Description)));
        again.ShouldBeEmpty();
    }

    [Fact]
    public void Empty_benchmark_text_means_no_fine()
    {
        BenchmarkText.Parse(null, out var a).ShouldBeEmpty();
        a.ShouldBeEmpty();
        BenchmarkText.Parse("  ", out var b).ShouldBeEmpty();
        b.ShouldBeEmpty();
        BenchmarkText.Parse("不予处罚:0-0", out var c).Single().MaxFen.ShouldBe(0);
        c.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("一般:5000-2000", "大于")]
    [InlineData("一般:0-2000;一般:2000-5000", "重复")]
    [InlineData("轻微:-100-2000", "负数")]
    [InlineData("轻微:0--5", "负数")]
    [InlineData("一般 2000-5000", "级别:最低额-最高额")]
    [InlineData("一般:2000", "最低额-最高额")]
    [InlineData("一般:abc-5000", "最低额-最高额")]
    [InlineData(":0-100", "级别")]
    [InlineData("一<般:0-100", "字符")]
    [InlineData("一般:0-10000000001", "核对单位")]
    [InlineData("一般:0.125-1", "两位小数")]
    public void Bad_benchmark_text_is_refused_with_the_reason(string text, string reason)
    {
        var levels = BenchmarkText.Parse(text, out var errors);
        levels.ShouldBeEmpty();
        errors.ShouldNotBeEmpty();
        errors.ShouldContain(e => e.Contains(reason, StringComparison.Ordinal), string.Join(" / ", errors));
    }

    [Fact]
    public void Every_bad_part_is_reported_and_a_good_part_is_not_kept_alone()
    {
        var levels = BenchmarkText.Parse("轻微:0-2000;一般:9000-1000;严重:x-1", out var errors);
        levels.ShouldBeEmpty();
        errors.Count.ShouldBe(2);
        errors[0].ShouldContain("一般:9000-1000");
        errors[1].ShouldContain("严重:x-1");
    }

    [Fact]
    public void Structured_levels_are_checked_like_the_text()
    {
        BenchmarkText.FromDtos([new BenchmarkDto("一般", 100m, 50m), new BenchmarkDto("一般", 0m, 1m), new BenchmarkDto(null, 0m, null)], out var errors).ShouldBeEmpty();
        errors.ShouldContain(e => e.StartsWith("第1档", StringComparison.Ordinal) && e.Contains("大于", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("第2档", StringComparison.Ordinal) && e.Contains("重复", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("第3档", StringComparison.Ordinal) && e.Contains("最高罚款额", StringComparison.Ordinal));
        var ok = BenchmarkText.FromDtos([new BenchmarkDto(" 较重 ", 5000m, 20000m, "多次违法")], out var none);
        none.ShouldBeEmpty();
        ok.Single().Level.ShouldBe("较重");
        ok.Single().Allows(1_000_000).ShouldBeTrue();
        ok.Single().Allows(2_000_001).ShouldBeFalse();
    }
}
