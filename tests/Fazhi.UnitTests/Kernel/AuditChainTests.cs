using Fazhi.Web.Kernel.Audit;

namespace Fazhi.UnitTests.Kernel;

public sealed class AuditChainTests
{
    [Fact]
    public void Sm3_matches_the_standard_test_vector() =>
        // GB/T 32905-2016, example 1: SM3("abc").
        AuditChain.Sm3Hex("abc").ShouldBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    private static List<AuditEntry> Chain(int n)
    {
        var list = new List<AuditEntry>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry
            {
                Seq = i, AtUtc = new DateTime(2024, 10, 8, 1, 2, i, DateTimeKind.Utc), UserName = "huancui", Action = AuditActions.Update,
                EntityType = "OrgUnit", EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                BeforeJson = "{\"Name\":\"旧\"}", AfterJson = "{\"Name\":\"新\"}", PrevHash = prev, Hash = "",
            };
            e.Hash = AuditChain.ComputeHash(e);
            prev = e.Hash;
            list.Add(e);
        }
        return list;
    }

    [Fact]
    public void An_untouched_chain_verifies() => AuditChain.Verify(Chain(5)).Intact.ShouldBeTrue();

    [Fact]
    public void Editing_one_entry_is_reported_at_that_entry()
    {
        var chain = Chain(5);
        chain[2].AfterJson = "{\"Name\":\"篡改\"}";
        var result = AuditChain.Verify(chain);
        result.Intact.ShouldBeFalse();
        result.FirstBrokenSeq.ShouldBe(3);
    }

    [Fact]
    public void Rehashing_an_edited_entry_breaks_the_next_link()
    {
        var chain = Chain(5);
        chain[1].UserName = "someone-else";
        chain[1].Hash = AuditChain.ComputeHash(chain[1]);
        AuditChain.Verify(chain).FirstBrokenSeq.ShouldBe(3);
    }

    [Fact]
    public void A_deleted_entry_is_reported_as_missing()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);
        var result = AuditChain.Verify(chain);
        result.FirstBrokenSeq.ShouldBe(4);
        result.Message.ShouldContain("缺失");
    }

    [Fact]
    public void Fields_cannot_be_shifted_between_each_other()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        (a.BeforeJson, a.AfterJson) = ("x|y", "z");
        (b.BeforeJson, b.AfterJson) = ("x", "y|z");
        AuditChain.ComputeHash(a).ShouldNotBe(AuditChain.ComputeHash(b));
    }
}

public sealed class AuditDiffTests
{
    [Fact]
    public void Lists_only_the_fields_that_changed()
    {
        var changes = AuditDiff.Of("""{"Name":"竹岛街道","Depth":3,"IsActive":true}""", """{"Name":"竹岛街道办事处","Depth":3,"IsActive":false}""");
        changes.Select(c => c.Field).ShouldBe(["IsActive", "Name"]);
        changes.Single(c => c.Field == "Name").Before.ShouldBe("竹岛街道");
        changes.Single(c => c.Field == "Name").After.ShouldBe("竹岛街道办事处");
    }

    [Fact]
    public void Shows_a_creation_as_its_values_and_survives_text_that_is_not_json()
    {
        AuditDiff.Of(null, """{"Code":"X"}""").Single().After.ShouldBe("X");
        AuditDiff.Of(null, "tampered").Single().After.ShouldBe("tampered");
    }
}
