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

    private static ReviewMatter With(ReviewMatter m, CommentSource source)
    {
        m.CommentSource = source;
        return m;
    }

    private static ReviewMatter With(ReviewMatter m, MeetingType meeting)
    {
        m.MeetingType = meeting;
        return m;
    }

    private static async Task<Dictionary<string, JsonElement>> FiguresAsync(HttpClient client, string org, int year, string keys)
    {
        var response = await client.GetAsync($"/api/v1/metrics?org={org}&from={year}-01-01&to={year}-12-31&keys={keys}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
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
        // [000] 上半年: "出具12345热线反映难点事项裁定意见7件，完成区领导批办件5件，配合部门征求意见19件，立法调研征求意见2件". Crafted
        // under 环翠区 in 2031-H1: 5 区领导批办件, 19 征求意见 matters 配合部门 and 2 立法调研 (法规规章草案) ones (one 配合部门 征求意见 of
        // 2030 for the 同比), and 9 会商 of the 12345 module: 7 with a written 裁定意见 in the half year, one whose responsibility was
        // fixed at the meeting (no ruling), one ruled on 2031-07-01.
        await app.WithDbAsync(async db =>
        {
            var bureau = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "371002-SFJ");
            var enforcement = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "371002-ZHZF");
            var on = new DateOnly(2031, 2, 3);
            for (var i = 0; i < 5; i++)
                db.Matters().Add(Matter(bureau.Id, bureau.Id, MatterKind.LeaderInstruction, $"区领导批办件{i}", on.AddDays(i * 7), on.AddDays(i * 7 + 5)));
            for (var i = 0; i < 19; i++)
                db.Matters().Add(With(Matter(enforcement.Id, bureau.Id, MatterKind.RequestForComment, $"部门征求意见{i}", on.AddDays(i * 3), on.AddDays(i * 3 + 4)), CommentSource.Department));
            for (var i = 0; i < 2; i++)
                db.Matters().Add(With(Matter(bureau.Id, bureau.Id, MatterKind.RequestForComment, $"立法调研征求意见{i}", on.AddDays(i * 30), on.AddDays(i * 30 + 10)), CommentSource.Legislation));
            db.Matters().Add(With(Matter(enforcement.Id, bureau.Id, MatterKind.RequestForComment, "2030年部门征求意见", new DateOnly(2030, 5, 6), new DateOnly(2030, 5, 10)), CommentSource.Department));
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

        var f = await FiguresAsync(await app.ApiAsAsync("admin"), "371002", "legality.submitted,legality.rulings,legality.requests_for_comment");
        Part(f, "legality.submitted", nameof(MatterKind.LeaderInstruction)).GetProperty("current").GetDecimal().ShouldBe(5m);
        var requests = Part(f, "legality.submitted", nameof(MatterKind.RequestForComment));
        (requests.GetProperty("current").GetDecimal(), requests.GetProperty("previous").GetDecimal()).ShouldBe((21m, 1m));
        requests.GetProperty("label").GetString().ShouldBe("征求意见");
        (Now(f, "legality.requests_for_comment"), Before(f, "legality.requests_for_comment")).ShouldBe((21m, 1m));
        var department = Part(f, "legality.requests_for_comment", nameof(CommentSource.Department));
        (department.GetProperty("current").GetDecimal(), department.GetProperty("previous").GetDecimal(), department.GetProperty("label").GetString())
            .ShouldBe((19m, 1m, "配合部门征求意见"));
        Part(f, "legality.requests_for_comment", nameof(CommentSource.Legislation)).GetProperty("current").GetDecimal().ShouldBe(2m);
        Part(f, "legality.requests_for_comment", nameof(CommentSource.HigherDocument)).GetProperty("current").GetDecimal().ShouldBe(0m);
        (Now(f, "legality.rulings"), Before(f, "legality.rulings")).ShouldBe((7m, 0m));
    }

    [Fact]
    public async Task Seed_003s_year_of_meeting_topics_documents_key_project_contracts_and_published_decisions_come_from_the_records()
    {
        // [003] (崂山区) 2024: "向社会公布5件……重大行政决策事项，审查把关区政府常务会议议题75个、各类专题会议议题270个、区政府发文410件"; "审查修改区
        // 政府和政府部门各类合同协议190件，其中重点签约落户项目67件". Crafted under 崂山区 in 2033 (同比 against 2032; no other test
        // of this class uses these years): 75 常务会 and 270 专题会 议题; 410 区政府发文 reviewed as 规范性文件 matters (the module's
        // kind for a government document sent for review, as [001]'s 重要文件); 190 contract matters answered in the year, 67 of them
        // on contracts registered as 重点项目; 5 重大行政决策 published (a sixth on 2034-01-02 is not). 2032: 3 常务会 议题 and 60
        // contract matters, 20 of them 重点项目.
        await app.WithDbAsync(async db =>
        {
            var region = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "370212");
            var office = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "370212-SCJG");
            var bureau = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "370212-SFJ");
            var on = new DateOnly(2033, 1, 5);
            for (var i = 0; i < 75; i++)
                db.Matters().Add(With(Matter(bureau.Id, bureau.Id, MatterKind.MeetingTopic, $"区政府常务会议议题{i}", on.AddDays(i * 4), on.AddDays(i * 4 + 1)), MeetingType.Executive));
            for (var i = 0; i < 270; i++)
                db.Matters().Add(With(Matter(bureau.Id, bureau.Id, MatterKind.MeetingTopic, $"专题会议议题{i}", on.AddDays(i), on.AddDays(i + 1)), MeetingType.Special));
            for (var i = 0; i < 3; i++)
                db.Matters().Add(With(Matter(bureau.Id, bureau.Id, MatterKind.MeetingTopic, $"2032年常务会议题{i}", new DateOnly(2032, 3, 1).AddDays(i), null), MeetingType.Executive));
            for (var i = 0; i < 410; i++)
                db.Matters().Add(Matter(bureau.Id, bureau.Id, MatterKind.NormativeDocument, $"区政府发文{i}", on.AddDays(i % 340), on.AddDays(i % 340 + 2)));
            var contracts = new List<(ReviewMatter Matter, bool Key, DateOnly On)>();
            for (var i = 0; i < 190; i++)
                contracts.Add((Matter(office.Id, bureau.Id, MatterKind.Contract, $"崂山2033合同{i}", on.AddDays(i), on.AddDays(i + 5)), i < 67, on));
            for (var i = 0; i < 60; i++)
                contracts.Add((Matter(office.Id, bureau.Id, MatterKind.Contract, $"崂山2032合同{i}", new DateOnly(2032, 2, 1).AddDays(i), new DateOnly(2032, 2, 8).AddDays(i)), i < 20,
                    new DateOnly(2032, 2, 1)));
            db.Matters().AddRange(contracts.Select(c => c.Matter));
            var catalog = new DecisionCatalog { OrgUnitId = region.Id, Year = 2033, Title = "崂山区2033年度重大行政决策事项目录" };
            db.Set<DecisionCatalog>().Add(catalog);
            await db.SaveChangesAsync();
            var n = 0;
            foreach (var (m, key, start) in contracts)
                db.LegContracts().Add(new Contract
                {
                    OrgUnitId = office.Id, Kind = ContractKind.Investment, Code = $"LS-KP-{n++:000}", Name = m.Title, Counterparty = "某投资公司", AmountFen = 100_000,
                    StartOn = start, EndOn = start.AddYears(3), Status = ContractStatus.Reviewed, ReviewMatterId = m.Id, KeyProject = key,
                    KeyProjectName = key ? $"重点签约落户项目{n}" : null,
                });
            for (var i = 0; i < 6; i++)
                db.Set<MajorDecision>().Add(new MajorDecision
                {
                    OrgUnitId = region.Id, CatalogId = catalog.Id, Year = 2033, Title = $"崂山区重大行政决策{i}", Status = DecisionStatus.Published,
                    DecidedOn = new DateOnly(2033, 3, 1).AddDays(i * 50), PublishedOn = i < 5 ? new DateOnly(2033, 3, 10).AddDays(i * 50) : new DateOnly(2034, 1, 2),
                });
            await db.SaveChangesAsync();
        });

        var admin = await app.ApiAsAsync("admin");
        var f = await FiguresAsync(admin, "370212", 2033,
            "legality.meeting_topics,legality.submitted,legality.contracts_reviewed,legality.key_project_contracts_reviewed,legality.decisions_published");
        var executive = Part(f, "legality.meeting_topics", nameof(MeetingType.Executive));
        (executive.GetProperty("current").GetDecimal(), executive.GetProperty("previous").GetDecimal(), executive.GetProperty("label").GetString()).ShouldBe((75m, 3m, "政府常务会议"));
        var special = Part(f, "legality.meeting_topics", nameof(MeetingType.Special));
        (special.GetProperty("current").GetDecimal(), special.GetProperty("label").GetString()).ShouldBe((270m, "专题会议"));
        (Now(f, "legality.meeting_topics"), Before(f, "legality.meeting_topics")).ShouldBe((345m, 3m));
        Part(f, "legality.submitted", nameof(MatterKind.NormativeDocument)).GetProperty("current").GetDecimal().ShouldBe(410m);
        (Now(f, "legality.contracts_reviewed"), Now(f, "legality.key_project_contracts_reviewed")).ShouldBe((190m, 67m));
        // 同比 (the seed gives none; 2032's 60 and 20 show it is there): +216.7 % and +235 %.
        (Before(f, "legality.contracts_reviewed"), Before(f, "legality.key_project_contracts_reviewed")).ShouldBe((60m, 20m));
        (Now(f, "legality.decisions_published"), Before(f, "legality.decisions_published")).ShouldBe((5m, 0m));

        var stats = await admin.GetAsync("/api/v1/legality/stats?org=370212&from=2033-01-01&to=2033-12-31");
        var answer = JsonDocument.Parse(await stats.Content.ReadAsStringAsync()).RootElement;
        stats.StatusCode.ShouldBe(HttpStatusCode.OK);
        var current = answer.GetProperty("current");
        (current.GetProperty("byMeeting").GetProperty("Executive").GetInt32(), current.GetProperty("byMeeting").GetProperty("Special").GetInt32(),
            current.GetProperty("keyProjectContractsReviewed").GetInt32()).ShouldBe((75, 270, 67));
        answer.GetProperty("previous").GetProperty("keyProjectContractsReviewed").GetInt32().ShouldBe(20);
    }

    [Fact]
    public async Task Seed_004s_advisers_in_service_and_major_decisions_reviewed_come_from_the_records()
    {
        // [004] (河东区) 全年: "区委区政府法律顾问团现有专兼职法律顾问22名……全年共参与重大决策合法性审查35件". Crafted under 荣成市 (the test
        // tree has no 河东区) for 2034: 22 政府法律顾问 in service on 2034-12-31 (one more whose term ended 2034-06-30 is not, two
        // 公职律师 are another kind) and 35 重大行政决策 matters answered in 2034 (28 in 2033: 同比 +25 %).
        await app.WithDbAsync(async db =>
        {
            var region = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "371082");
            var bureau = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "371082-SFJ");
            for (var i = 0; i < 25; i++)
                db.Set<LegalAdviser>().Add(new LegalAdviser
                {
                    OrgUnitId = region.Id, Kind = i < 23 ? AdviserKind.Government : AdviserKind.PublicLawyer, Name = $"顾问{i}", Firm = $"某律师事务所{i % 5}",
                    ServedFrom = new DateOnly(2032, 1, 1), ServedTo = i == 22 ? new DateOnly(2034, 6, 30) : null,
                });
            for (var i = 0; i < 35; i++)
                db.Matters().Add(Matter(region.Id, bureau.Id, MatterKind.MajorDecision, $"荣成重大决策{i}", new DateOnly(2034, 1, 10).AddDays(i * 9), new DateOnly(2034, 1, 20).AddDays(i * 9)));
            for (var i = 0; i < 28; i++)
                db.Matters().Add(Matter(region.Id, bureau.Id, MatterKind.MajorDecision, $"荣成2033重大决策{i}", new DateOnly(2033, 1, 10).AddDays(i * 9), new DateOnly(2033, 1, 20).AddDays(i * 9)));
            await db.SaveChangesAsync();
        });

        var f = await FiguresAsync(await app.ApiAsAsync("admin"), "371082", 2034, "legality.advisers,legality.major_decisions");
        var government = Part(f, "legality.advisers", nameof(AdviserKind.Government));
        (government.GetProperty("current").GetDecimal(), government.GetProperty("label").GetString()).ShouldBe((22m, "政府法律顾问"));
        Part(f, "legality.advisers", nameof(AdviserKind.PublicLawyer)).GetProperty("current").GetDecimal().ShouldBe(2m);
        (Now(f, "legality.major_decisions"), Before(f, "legality.major_decisions")).ShouldBe((35m, 28m));
        f["legality.major_decisions"].GetProperty("change").GetDecimal().ShouldBe(25m);
    }
}

public sealed class LegalitySeedFiguresTestsOnSqlite(SqliteFactory app) : LegalitySeedFiguresTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalitySeedFiguresTestsOnPostgres(PostgresFactory app) : LegalitySeedFiguresTests(app), IClassFixture<PostgresFactory>;
