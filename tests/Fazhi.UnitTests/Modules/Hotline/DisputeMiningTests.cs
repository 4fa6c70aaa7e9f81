using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Features.Disputes;

namespace Fazhi.UnitTests.Modules.Hotline;

public sealed class DisputeMiningTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    private static MinedTicket T(string no, string town, string words, string? dept = "D1", int bounces = 0, int reassign = 0, int daysAgo = 10, string? community = null,
        bool enforcement = true) =>
        new(no, town, community, words.Split(' '), dept, reassign, bounces, dept is null ? [] : [dept, "D2"], Now.AddDays(-daysAgo), enforcement);

    [Fact]
    public void A_planted_cluster_with_three_bounces_is_found_and_scattered_tickets_are_ignored()
    {
        var tickets = new List<MinedTicket>
        {
            T("P1", "鲸园", "夜市 烧烤 油烟 晚上", bounces: 1),
            T("P2", "鲸园", "夜市 烧烤 油烟 居民", bounces: 1, daysAgo: 20),
            T("P3", "鲸园", "烧烤 油烟 夜市 烟雾", bounces: 2, daysAgo: 30),
            T("P4", "鲸园", "夜市 烧烤 油烟"),                                  // same matter, handled without dispute: in the cluster, not counted
            // Scattered: bounced too, but each about something else or elsewhere.
            T("S1", "鲸园", "路灯 不亮", bounces: 1),
            T("S2", "竹岛", "夜市 烧烤 油烟", bounces: 1),                     // same topic, other place
            T("S3", "环翠楼", "渣土车 扬尘", bounces: 1),
            T("S4", "鲸园", "占道经营 商铺", reassign: 2),
            T("S5", "鲸园", "噪音 施工 夜间", dept: null),
        };
        var clusters = new ClusterMiner().Mine(tickets, Now);
        var c = clusters.ShouldHaveSingleItem();
        c.TicketNos.ShouldBe(["P3", "P2", "P1", "P4"], ignoreOrder: true);
        c.Disputed.ShouldBe(3);
        c.Bounces.ShouldBe(4);
        c.Topic.ShouldContain("烧烤");
        c.Key.ShouldStartWith("鲸园||");
    }

    [Fact]
    public void Only_enforcement_tickets_without_a_department_are_unclear()
    {
        // Three unassigned 路灯 tickets at one place: nobody took them, but no department of the bureau's list disputes them.
        var lamps = Enumerable.Range(0, 3).Select(i => T("L" + i, "鲸园", "路灯 不亮 晚上", dept: null, enforcement: false)).ToList();
        new ClusterMiner().Mine(lamps, Now).ShouldBeEmpty();
        ClusterMiner.IsDisputed(lamps[0]).ShouldBeFalse();
        // The same three as enforcement matters (渣土车) are a cluster whose department is unclear.
        var trucks = Enumerable.Range(0, 3).Select(i => T("U" + i, "鲸园", "渣土车 遗撒 扬尘", dept: null)).ToList();
        var c = new ClusterMiner().Mine([.. lamps, .. trucks], Now).ShouldHaveSingleItem();
        (c.Unassigned, c.Disputed, c.Bounces).ShouldBe((3, 3, 0));
        c.TicketNos.ShouldBe(["U0", "U1", "U2"], ignoreOrder: true);
    }

    [Fact]
    public void Boilerplate_and_the_address_do_not_make_a_topic()
    {
        // 300 tickets of one place about 30 different matters, every one saying 周边 群众 意见 很大 and all bounced once.
        var subjects = Enumerable.Range(0, 30).Select(i => "事项" + i).ToList();
        var tickets = Enumerable.Range(0, 300).Select(i => T("B" + i, "鲸园", $"{subjects[i % 30]} 周边 群众 意见 很大", bounces: i / 30 % 2, daysAgo: i % 200)).ToList();
        var clusters = new ClusterMiner().Mine(tickets, Now);
        // Each matter is its own cluster (ten tickets), never glued to others by the boilerplate, which is no topic word.
        clusters.Count.ShouldBe(30);
        clusters.ShouldAllBe(c => c.TicketNos.Count == 10 && c.Topic.Count == 1 && c.Topic[0].StartsWith("事项", StringComparison.Ordinal));
        new ClusterMiner().CommonWords(tickets).ShouldBe(["周边", "群众", "意见", "很大"], ignoreOrder: true);
        // The place's own words (海滨北路 cut into 海滨 and 北路) and address-like words leave the text's words.
        ClusterMiner.WordsAbout(["海滨", "北路", "夜市", "露天烧烤", "文化中路", "社区"], ["竹岛", "街道", "海港", "社区", "海滨", "北路"])
            .ShouldBe(["夜市", "露天烧烤"]);
    }

    [Fact]
    public void Clusters_rank_by_recency_weighted_frequency()
    {
        var old = Enumerable.Range(0, 4).Select(i => T("O" + i, "A", "渣土车 扬尘 遗撒", bounces: 1, daysAgo: 300)).ToList();
        var recent = Enumerable.Range(0, 3).Select(i => T("R" + i, "B", "占道 经营 商铺", bounces: 1, daysAgo: 5)).ToList();
        var ranked = new ClusterMiner().Mine([.. old, .. recent], Now);
        ranked.Count.ShouldBe(2);
        ranked[0].TownCode.ShouldBe("B");  // 3 tickets of last week outweigh 4 of ten months ago (half-life 90 days)
    }

    [Fact]
    public void A_ticket_recurs_a_ruled_matter_when_it_shares_two_topic_words_at_the_same_place()
    {
        string[] topic = ["夜市", "烧烤", "油烟"];
        ClusterMiner.Recurs("鲸园", null, topic, T("N1", "鲸园", "烧烤 油烟 又来了")).ShouldBeTrue();
        ClusterMiner.Recurs("鲸园", null, topic, T("N2", "鲸园", "烧烤 路灯")).ShouldBeFalse();
        ClusterMiner.Recurs("鲸园", null, topic, T("N3", "竹岛", "夜市 烧烤 油烟")).ShouldBeFalse();
        ClusterMiner.Recurs("鲸园", "海港社区", topic, T("N4", "鲸园", "夜市 烧烤", community: "古寨社区")).ShouldBeFalse();
    }

    [Fact]
    public void A_consultation_goes_through_its_steps_and_numbers_its_ruling()
    {
        var c = new Consultation
        {
            Title = "t", ClusterKey = "k", TownCode = "x", Topic = "a b", TicketNos = "1", Departments = "D1,D2", ProposedBy = "u",
            ProposedOn = new DateOnly(2026, 3, 1),
        };
        var today = new DateOnly(2026, 3, 20);
        Should.Throw<ConflictException>(() => c.Rule("D1", today, true, "x", 1, today));
        Should.Throw<FazhiValidationException>(() => c.Consult(new DateOnly(2026, 2, 28), "D1", "纪要", today)).Errors.Keys.ShouldContain("consultedOn");
        c.Consult(new DateOnly(2026, 3, 5), "D1,D2", "纪要", today);
        Should.Throw<ConflictException>(() => c.RecordFeedback("已整改", today, today));
        c.Rule("D1", new DateOnly(2026, 3, 6), issue: true, "由D1负责", nextSeq: 7, today);
        c.RulingNumber("环司裁").ShouldBe("环司裁〔2026〕7号");
        c.RecordFeedback("已整改", new DateOnly(2026, 3, 10), today);
        c.Status.ShouldBe(ConsultationStatus.Tracking);
        ConsultationMachine.ActionsIn(ConsultationStatus.Tracking).ShouldBeEmpty();
    }
}
