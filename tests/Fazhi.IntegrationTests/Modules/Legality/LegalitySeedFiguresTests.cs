using System.Net;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.IntegrationTests.Modules.Legality;

/// <summary>
/// Issue 18 §8: the 合法性审查 figures of seeds [001] and [000] reproduced from crafted records through the metric contract
/// (GET /api/v1/metrics). The records are dated 2031 (同比 against 2030), a year no demo data and no other legality test uses.
/// </summary>
public abstract class LegalitySeedFiguresTests(FazhiFactory app)
{
    private static readonly DateOnly H1From = new(2031, 1, 1), H1To = new(2031, 6, 30);

    private static async Task<Dictionary<string, JsonElement>> FiguresAsync(HttpClient client, string org, string keys)
    {
        var response = await client.GetAsync($"/api/v1/metrics?org={org}&from=2031-01-01&to=2031-06-30&keys={keys}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
    }

    private static decimal Now(Dictionary<string, JsonElement> f, string key) => f[key].GetProperty("current").GetDecimal();

    private static decimal Before(Dictionary<string, JsonElement> f, string key) => f[key].GetProperty("previous").GetDecimal();

    private static JsonElement Part(Dictionary<string, JsonElement> f, string key, string member) =>
        f[key].GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("member").GetString() == member);

    /// <summary>A matter of <paramref name="kind"/> submitted and answered with an 审核意见书 on the given days.</summary>
    private static ReviewMatter Matter(int unit, int reviewer, MatterKind kind, string title, DateOnly submitted, DateOnly? issued, int comments = 0)
    {
        var m = new ReviewMatter
        {
            OrgUnitId = unit, ReviewOrgUnitId = reviewer, Year = submitted.Year, Kind = kind, Title = title, SubmittedOn = submitted, ReceivedOn = submitted,
            Status = issued is null ? MatterStatus.Received : MatterStatus.OpinionIssued, OpinionIssuedOn = issued,
            Conclusion = issued is null ? null : comments > 0 ? OpinionConclusion.LawfulAfterChanges : OpinionConclusion.Lawful,
        };
        for (var i = 1; i <= comments; i++)
            m.Comments.Add(new ReviewComment { Seq = i, Clause = $"第{i}条", Text = "履约监管条款应明确违约责任", Author = "fzsh", On = submitted.AddDays(3) });
        return m;
    }

    [Fact]
    public async Task Seed_001s_first_half_review_figures_come_from_the_matters_contracts_and_adviser_opinions()
    {
        // [001] 2024年上半年: "审查招商引资合同29份……提出审查意见300余条"; "共审查各类合同57份、重要文件21份、其他重大事项17件"; "审查区政府
        // 常务会、投资委会议题40余项"; "出具法律意见书80余份". Crafted under 崂山区 (the test tree has no 镜湖区) in 2031-H1: 57 contract
        // matters, 29 of them on 招商引资 contracts filed in the half year with 305 comments between them (10 each, 11 on the first
        // 15); 21 规范性文件 matters for the 重要文件, 17 重大行政决策 matters for the 其他重大事项, 42 议题, 83 法律意见书. In 2030-H1: 40
        // contract matters and 65 法律意见书 (the 同比). Outside the half year, not counted: a contract matter submitted 2031-07-01, a
        // 法律意见书 of 2031-07-01, and a 诉讼代理 (another kind of adviser work).
        await app.WithDbAsync(async db =>
        {
            var market = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "370212-SCJG");
            var bureau = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "370212-SFJ");
            var on = new DateOnly(2031, 3, 2);
            for (var i = 0; i < 57; i++)
            {
                var investment = i < 29;
                var m = Matter(market.Id, bureau.Id, MatterKind.Contract, $"崂山合同{i}", on.AddDays(i), on.AddDays(i + 10), investment ? (i < 15 ? 11 : 10) : 0);
                db.Matters().Add(m);
                if (!investment)
                    continue;
                await db.SaveChangesAsync();
                db.LegContracts().Add(new Contract
                {
                    OrgUnitId = market.Id, Kind = ContractKind.Investment, Level = ContractLevel.Department, Code = $"LS-ZS-2031-{i:000}", Name = $"招商引资项目投资协议{i}",
                    Counterparty = $"某投资公司{i}", AmountFen = 100_000_000, StartOn = on, EndOn = on.AddYears(5), Status = ContractStatus.Filed,
                    ReviewMatterId = m.Id, SignedOn = on.AddDays(i + 15), FiledOn = on.AddDays(i + 20),
                });
            }
            for (var i = 0; i < 21; i++)
                db.Matters().Add(Matter(market.Id, bureau.Id, MatterKind.NormativeDocument, $"崂山重要文件{i}", on.AddDays(i), on.AddDays(i + 15)));
            for (var i = 0; i < 17; i++)
                db.Matters().Add(Matter(market.Id, bureau.Id, MatterKind.MajorDecision, $"崂山重大事项{i}", on.AddDays(i), on.AddDays(i + 15)));
            for (var i = 0; i < 42; i++)
                db.Matters().Add(Matter(bureau.Id, bureau.Id, MatterKind.MeetingTopic, $"区政府常务会议题{i}", on.AddDays(i), on.AddDays(i + 2)));
            for (var i = 0; i < 40; i++)
                db.Matters().Add(Matter(market.Id, bureau.Id, MatterKind.Contract, $"崂山2030合同{i}", new DateOnly(2030, 2, 1).AddDays(i), new DateOnly(2030, 3, 1).AddDays(i)));
            db.Matters().Add(Matter(market.Id, bureau.Id, MatterKind.Contract, "下半年送审的合同", new DateOnly(2031, 7, 1), null));

            var adviser = new LegalAdviser { OrgUnitId = bureau.Id, Kind = AdviserKind.Government, Name = "崂山政府法律顾问", Firm = "崂山测试律师事务所", ServedFrom = new DateOnly(2029, 1, 1) };
            db.Set<LegalAdviser>().Add(adviser);
            await db.SaveChangesAsync();
            void Work(AdviserWorkKind kind, DateOnly day, string subject) =>
                db.Set<AdviserWork>().Add(new AdviserWork { AdviserId = adviser.Id, OrgUnitId = bureau.Id, Kind = kind, On = day, Subject = subject });
            for (var i = 0; i < 83; i++)
                Work(AdviserWorkKind.Opinion, H1From.AddDays(i * 2), $"法律意见书{i}");
            for (var i = 0; i < 65; i++)
                Work(AdviserWorkKind.Opinion, new DateOnly(2030, 1, 1).AddDays(i * 2), $"2030法律意见书{i}");
            Work(AdviserWorkKind.Opinion, new DateOnly(2031, 7, 1), "下半年法律意见书");
            Work(AdviserWorkKind.LitigationAgency, new DateOnly(2031, 4, 1), "行政协议纠纷诉讼代理");
            await db.SaveChangesAsync();
        });

        var admin = await app.ApiAsAsync("admin");
        var f = await FiguresAsync(admin, "370212",
            "legality.submitted,legality.opinions,legality.comments,legality.contracts_reviewed,legality.major_decisions,legality.contracts_filed_by_kind,legality.adviser_opinions");
        (Now(f, "legality.contracts_reviewed"), Now(f, "legality.comments"), Now(f, "legality.major_decisions"), Now(f, "legality.adviser_opinions"))
            .ShouldBe((57m, 305m, 17m, 83m));
        Part(f, "legality.submitted", nameof(MatterKind.Contract)).GetProperty("current").GetDecimal().ShouldBe(57m);
        Part(f, "legality.submitted", nameof(MatterKind.NormativeDocument)).GetProperty("current").GetDecimal().ShouldBe(21m);
        Part(f, "legality.submitted", nameof(MatterKind.MajorDecision)).GetProperty("current").GetDecimal().ShouldBe(17m);
        var topics = Part(f, "legality.submitted", nameof(MatterKind.MeetingTopic));
        topics.GetProperty("current").GetDecimal().ShouldBe(42m);
        topics.GetProperty("label").GetString().ShouldBe("常务会/专题会议题");
        (Now(f, "legality.submitted"), Now(f, "legality.opinions")).ShouldBe((137m, 137m));
        var investment = Part(f, "legality.contracts_filed_by_kind", nameof(ContractKind.Investment));
        investment.GetProperty("current").GetDecimal().ShouldBe(29m);
        investment.GetProperty("label").GetString().ShouldBe("招商引资合同");
        // 同比: 2030-H1's 40 contract matters and 65 法律意见书.
        (Before(f, "legality.contracts_reviewed"), Before(f, "legality.adviser_opinions"), Before(f, "legality.comments")).ShouldBe((40m, 65m, 0m));
        Part(f, "legality.submitted", nameof(MatterKind.Contract)).GetProperty("previous").GetDecimal().ShouldBe(40m);
    }

    [Fact]
    public async Task Seed_000s_leader_instructions_requests_for_comment_and_12345_rulings_come_from_the_records()
    {
        // [000] 上半年: "出具12345热线反映难点事项裁定意见7件，完成区领导批办件5件，配合部门征求意见19件". Crafted under 环翠区 in 2031-H1: 5
        // 区领导批办件 and 19 征求意见 matters (one 征求意见 of 2030 for the 同比), and 9 会商 of the 12345 module: 7 with a written
        // 裁定意见 in the half year, one whose responsibility was fixed at the meeting (no ruling), one ruled on 2031-07-01.
        await app.WithDbAsync(async db =>
        {
            var bureau = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "371002-SFJ");
            var enforcement = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "371002-ZHZF");
            var on = new DateOnly(2031, 2, 3);
            for (var i = 0; i < 5; i++)
                db.Matters().Add(Matter(bureau.Id, bureau.Id, MatterKind.LeaderInstruction, $"区领导批办件{i}", on.AddDays(i * 7), on.AddDays(i * 7 + 5)));
            for (var i = 0; i < 19; i++)
                db.Matters().Add(Matter(enforcement.Id, bureau.Id, MatterKind.RequestForComment, $"部门征求意见{i}", on.AddDays(i * 3), on.AddDays(i * 3 + 4)));
            db.Matters().Add(Matter(enforcement.Id, bureau.Id, MatterKind.RequestForComment, "2030年部门征求意见", new DateOnly(2030, 5, 6), new DateOnly(2030, 5, 10)));
            for (var i = 1; i <= 9; i++)
            {
                var ruled = i == 9 ? new DateOnly(2031, 7, 1) : new DateOnly(2031, 1, 10).AddDays(i * 15);
                var issued = i != 8;
                db.Consultations().Add(new Consultation
                {
                    OrgUnitId = bureau.Id, Title = $"难点事项{i}", ClusterKey = $"seed000|{i}", TownCode = "371002001", Topic = "占道 经营", TicketNos = "", Departments = "371002-ZHZF,371002-SCJG",
                    ProposedBy = "huancui-fzsh", ProposedOn = ruled.AddDays(-10), ConsultedOn = ruled.AddDays(-5), Status = ConsultationStatus.Ruled, ResponsibleCode = "371002-ZHZF",
                    RuledOn = ruled, RulingIssued = issued, RulingYear = issued ? 2031 : null, RulingSeq = issued ? i : null,
                });
            }
            await db.SaveChangesAsync();
        });

        var f = await FiguresAsync(await app.ApiAsAsync("admin"), "371002", "legality.submitted,legality.rulings");
        Part(f, "legality.submitted", nameof(MatterKind.LeaderInstruction)).GetProperty("current").GetDecimal().ShouldBe(5m);
        var requests = Part(f, "legality.submitted", nameof(MatterKind.RequestForComment));
        (requests.GetProperty("current").GetDecimal(), requests.GetProperty("previous").GetDecimal()).ShouldBe((19m, 1m));
        requests.GetProperty("label").GetString().ShouldBe("征求意见");
        (Now(f, "legality.rulings"), Before(f, "legality.rulings")).ShouldBe((7m, 0m));
    }
}

public sealed class LegalitySeedFiguresTestsOnSqlite(SqliteFactory app) : LegalitySeedFiguresTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalitySeedFiguresTestsOnPostgres(PostgresFactory app) : LegalitySeedFiguresTests(app), IClassFixture<PostgresFactory>;
