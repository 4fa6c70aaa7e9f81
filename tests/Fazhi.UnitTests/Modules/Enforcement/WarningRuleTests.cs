using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Rules;

namespace Fazhi.UnitTests.Modules.Enforcement;

/// <summary>Each rule with a record that triggers it and one that does not, and the edges of its dates.</summary>
public sealed class WarningRuleTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly EnforcementOptions Options = new();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Officer Officer(string cert, string from = "2020-01-01", string to = "2030-12-31", CertificateStatus status = CertificateStatus.Valid, string? since = null) =>
        new() { Name = "执法员" + cert, CertificateNumber = cert, IssuedOn = D(from), ExpiresOn = D(to), Status = status, StatusSince = since is null ? null : D(since) };

    private static EnforcementRecord Rec(RecordKind kind = RecordKind.Penalty, string opened = "2024-03-01", string? decided = null, string? published = null,
        long? fen = null, string? circumstance = null, bool review = false, bool major = false, bool lenient = false, string officers = "A;B",
        string? credit = "91371002MA0000001X", int org = 1, long id = 1) => new()
    {
        Id = id, OrgUnitId = org, SourceId = "S" + id, Kind = kind, ItemCode = "I", ItemId = 7, TargetName = "企业", TargetKind = TargetKind.Enterprise,
        TargetCreditCode = credit, Officers = officers, OfficerCount = officers.Split(';', StringSplitOptions.RemoveEmptyEntries).Length,
        OpenedOn = D(opened), DecidedOn = decided is null ? null : D(decided), PublishedOn = published is null ? null : D(published), AmountFen = fen,
        Circumstance = circumstance, LegalReviewDone = review, Major = major, Lenient = lenient, CountedOn = D(decided ?? opened),
    };

    private static RuleContext Context(string today = "2024-12-31", Officer[]? officers = null, InspectionRef[]? inspections = null,
        (int, string, int)[]? plans = null, (int, string, int)[]? joint = null) => new()
    {
        Today = D(today), Calendar = Calendar, Options = Options,
        Officers = (officers ?? [Officer("A"), Officer("B")]).ToDictionary(o => o.CertificateNumber),
        Items = new Dictionary<long, EnforcementItem>
        {
            [7] = new() { Id = 7, Code = "I", Name = "事项", Field = "市场监管", LegalBasis = "某法",
                Benchmarks = [new() { Level = "一般", MinFen = 200_000, MaxFen = 1_000_000 }, new() { Level = "严重", MinFen = 1_000_000, MaxFen = 5_000_000 }] },
        },
        InspectionsByEnterprise = (inspections ?? []).GroupBy(_ => "91371002MA0000001X").ToDictionary(g => g.Key, g => g.ToList()),
        Plans = (plans ?? []).ToHashSet(),
        JointVisits = (joint ?? []).ToHashSet(),
    };

    [Fact]
    public void Unlicensed_officer_is_found_on_the_day_the_act_began_or_was_decided()
    {
        var rule = new UnlicensedOfficerRule();
        rule.Check(Rec(), Context()).ShouldBeNull();
        var officers = new[] { Officer("A"), Officer("B", to: "2024-03-10") };
        // Valid on the opening day and the expiry day itself; not the day after.
        rule.Check(Rec(decided: "2024-03-10"), Context(officers: officers)).ShouldBeNull();
        rule.Check(Rec(decided: "2024-03-11"), Context(officers: officers))!.Message.ShouldContain("2024-03-11已过有效期");
        // Suspended from 2024-03-05: still valid on the 4th, not on the 5th.
        var suspended = new[] { Officer("A"), Officer("B", status: CertificateStatus.Suspended, since: "2024-03-05") };
        rule.Check(Rec(opened: "2024-03-04", decided: "2024-03-04"), Context(officers: suspended)).ShouldBeNull();
        rule.Check(Rec(opened: "2024-03-04", decided: "2024-03-05"), Context(officers: suspended))!.Message.ShouldContain("已暂扣");
        rule.Check(Rec(officers: "A;X"), Context())!.Message.ShouldContain("X未在平台登记");
        // Suspended 2024-03-05 and restored 2024-03-20: valid now, but not on the days of the suspension.
        var restored = Officer("B");
        restored.ChangeStatus(CertificateStatus.Suspended, D("2024-03-05"), "涉嫌违纪");
        restored.ChangeStatus(CertificateStatus.Valid, D("2024-03-20"), null);
        restored.Status.ShouldBe(CertificateStatus.Valid);
        var history = new[] { Officer("A"), restored };
        rule.Check(Rec(opened: "2024-03-04", decided: "2024-03-04"), Context(officers: history)).ShouldBeNull();
        rule.Check(Rec(opened: "2024-03-10"), Context(officers: history))!.Message.ShouldContain("2024-03-10处于暂扣期间（2024-03-05至2024-03-19）");
        rule.Check(Rec(opened: "2024-03-19"), Context(officers: history)).ShouldNotBeNull();
        rule.Check(Rec(opened: "2024-03-20"), Context(officers: history)).ShouldBeNull();
        rule.Check(Rec(opened: "2024-03-01", decided: "2024-03-12"), Context(officers: history)).ShouldNotBeNull(); // decided while suspended
        rule.Check(Rec(opened: "2019-12-31"), Context())!.Message.ShouldContain("尚未核发");
    }

    [Fact]
    public void Fewer_than_two_officers_is_warned_except_for_other_acts()
    {
        var rule = new TooFewOfficersRule();
        rule.Check(Rec(officers: "A;B"), Context()).ShouldBeNull();
        rule.Check(Rec(officers: "A"), Context())!.Message.ShouldContain("仅有1名");
        rule.Check(Rec(officers: "A;A"), Context())!.Message.ShouldContain("仅有1名"); // the same certificate twice is one officer
        rule.Check(Rec(kind: RecordKind.Other, officers: "A"), Context()).ShouldBeNull();
        rule.Check(Rec(kind: RecordKind.Inspection, officers: ""), Context())!.Message.ShouldContain("仅有0名");
    }

    [Fact]
    public void A_penalty_is_due_ninety_days_after_filing_counting_the_leap_day_and_moved_off_a_rest_day()
    {
        var rule = new OverduePenaltyRule();
        // 2024-01-01 + 90 days = 2024-03-31 (29 days in February 2024), a Sunday: the period runs to Monday 04-01.
        OverduePenaltyRule.DueOn(Rec(opened: "2024-01-01"), Context()).ShouldBe(D("2024-04-01"));
        rule.Check(Rec(opened: "2024-01-01", decided: "2024-04-01"), Context()).ShouldBeNull();
        rule.Check(Rec(opened: "2024-01-01", decided: "2024-04-02"), Context())!.Message.ShouldContain("超期1日");
        rule.Check(Rec(opened: "2024-01-01"), Context(today: "2024-04-01")).ShouldBeNull();
        rule.Check(Rec(opened: "2024-01-01"), Context(today: "2024-04-03"))!.Message.ShouldContain("已超期2日");
        // Day 90 from 2025-07-03 is 2025-10-01, inside the National Day holiday (10-01…10-08): due 2025-10-09.
        OverduePenaltyRule.DueOn(Rec(opened: "2025-07-03"), Context()).ShouldBe(D("2025-10-09"));
        // 2024-02-01 + 90 days = 2024-05-01, Labour Day (05-01…05-05 off): due Monday 05-06; 02-08 + 90 = Wednesday 05-08.
        OverduePenaltyRule.DueOn(Rec(opened: "2024-02-01"), Context()).ShouldBe(D("2024-05-06"));
        OverduePenaltyRule.DueOn(Rec(opened: "2024-02-02"), Context()).ShouldBe(D("2024-05-06"));
        OverduePenaltyRule.DueOn(Rec(opened: "2024-02-08"), Context()).ShouldBe(D("2024-05-08"));
        rule.Check(Rec(kind: RecordKind.Inspection, opened: "2024-01-01"), Context(today: "2024-12-01")).ShouldBeNull();
    }

    [Fact]
    public void A_fine_above_the_benchmark_for_its_circumstance_is_warned_and_one_below_it_is_not()
    {
        var rule = new BeyondBenchmarkRule();
        rule.Check(Rec(decided: "2024-03-05", fen: 500_000, circumstance: "一般"), Context()).ShouldBeNull();
        rule.Check(Rec(decided: "2024-03-05", fen: 1_000_000, circumstance: "一般"), Context()).ShouldBeNull(); // the upper bound is allowed
        rule.Check(Rec(decided: "2024-03-05", fen: 1_000_001, circumstance: "一般"), Context())!.Message.ShouldContain("2,000.00至10,000.00元");
        // Below the range is 从轻/减轻处罚 (第三十二条), with its own reasons: not 超裁量基准, whether flagged 不罚轻罚 or not.
        rule.Check(Rec(decided: "2024-03-05", fen: 100_000, circumstance: "一般"), Context()).ShouldBeNull();
        rule.Check(Rec(decided: "2024-03-05", fen: 199_999, circumstance: "一般"), Context()).ShouldBeNull();
        rule.Check(Rec(decided: "2024-03-05", fen: 100_000, circumstance: "一般", lenient: true), Context()).ShouldBeNull();
        rule.Check(Rec(decided: "2024-03-05", fen: 2_000_000, circumstance: "一般", lenient: true), Context()).ShouldNotBeNull();
        rule.Check(Rec(decided: "2024-03-05", fen: 500_000), Context())!.Message.ShouldContain("未写明");
        rule.Check(Rec(decided: "2024-03-05"), Context()).ShouldBeNull(); // no fine, nothing to compare
    }

    [Fact]
    public void A_major_decision_needs_legal_review_by_flag_or_amount()
    {
        var rule = new MajorWithoutReviewRule();
        rule.Check(Rec(decided: "2024-03-05", major: true), Context())!.Message.ShouldContain("重大执法决定");
        rule.Check(Rec(decided: "2024-03-05", major: true, review: true), Context()).ShouldBeNull();
        rule.Check(Rec(decided: "2024-03-05", fen: 10_000_000), Context())!.Message.ShouldContain("100,000");
        rule.Check(Rec(decided: "2024-03-05", fen: 9_999_999), Context()).ShouldBeNull();
        rule.Check(Rec(major: true), Context()).ShouldBeNull(); // not decided yet
    }

    [Fact]
    public void Publication_is_due_seven_working_days_after_the_decision_on_the_holiday_calendar()
    {
        var rule = new NotPublishedRule();
        // Decided Friday 2024-09-27: 9-29 (调休 Sunday) and 9-30 count, 10-1…10-7 are the National Day holiday, then
        // 10-8…10-11 and 10-12 (调休 Saturday): the seventh working day is 2024-10-12.
        NotPublishedRule.DueOn(D("2024-09-27"), Context()).ShouldBe(D("2024-10-12"));
        rule.Check(Rec(decided: "2024-09-27", published: "2024-10-12"), Context()).ShouldBeNull();
        rule.Check(Rec(decided: "2024-09-27", published: "2024-10-14"), Context())!.Message.ShouldContain("应于2024-10-12前公示");
        rule.Check(Rec(decided: "2024-09-27"), Context(today: "2024-10-12")).ShouldBeNull();
        rule.Check(Rec(decided: "2024-09-27"), Context(today: "2024-10-13"))!.Message.ShouldContain("至今未公示");
    }

    [Fact]
    public void The_later_of_two_inspections_within_the_window_is_a_repeat()
    {
        var rule = new RepeatInspectionRule();
        var earlierOther = new InspectionRef(10, 2, "综合执法局", "Z-1", D("2024-03-01"));
        var record = Rec(kind: RecordKind.Inspection, opened: "2024-03-20", id: 11);
        rule.Check(record, Context(inspections: [earlierOther]))!.Message.ShouldStartWith("多头检查");
        rule.Check(record, Context(inspections: [earlierOther]))!.Message.ShouldNotContain("Z-1"); // another department's ids stay private
        rule.Check(record, Context(inspections: [new InspectionRef(10, 1, "市场监管局", "S-0", D("2024-03-01"))]))!.Message.ShouldStartWith("重复检查");
        // Exactly 30 days apart is within the window, 31 is not.
        rule.Check(Rec(kind: RecordKind.Inspection, opened: "2024-03-31", id: 11), Context(inspections: [earlierOther])).ShouldNotBeNull();
        rule.Check(Rec(kind: RecordKind.Inspection, opened: "2024-04-01", id: 11), Context(inspections: [earlierOther])).ShouldBeNull();
        // The earlier visit is not warned; of two on one day only the larger id is.
        rule.Check(Rec(kind: RecordKind.Inspection, opened: "2024-03-01", id: 9), Context(inspections: [new InspectionRef(10, 2, "综合执法局", "Z-1", D("2024-03-20"))])).ShouldBeNull();
        rule.Check(Rec(kind: RecordKind.Inspection, opened: "2024-03-01", id: 9), Context(inspections: [earlierOther])).ShouldBeNull();
        rule.Check(Rec(kind: RecordKind.Inspection, opened: "2024-03-01", id: 12), Context(inspections: [earlierOther])).ShouldNotBeNull();
        // Both visits merged into a confirmed joint inspection that month: not a repeat.
        rule.Check(record, Context(inspections: [earlierOther], joint: [(2, "91371002MA0000001X", 202403), (1, "91371002MA0000001X", 202403)])).ShouldBeNull();
    }

    [Fact]
    public void An_enterprise_inspection_outside_the_department_plan_for_that_month_is_warned()
    {
        var rule = new UnplannedInspectionRule();
        var record = Rec(kind: RecordKind.Inspection, opened: "2024-03-20");
        rule.Check(record, Context(plans: [(1, "91371002MA0000001X", 202403)])).ShouldBeNull();
        rule.Check(record, Context(plans: [(1, "91371002MA0000001X", 202404)]))!.Message.ShouldContain("不在本部门报备");
        rule.Check(record, Context(plans: [(2, "91371002MA0000001X", 202403)])).ShouldNotBeNull(); // another department's plan
        rule.Check(Rec(kind: RecordKind.Inspection, credit: null), Context()).ShouldBeNull(); // a person, not an enterprise
    }

    [Fact]
    public void Certificates_are_flagged_thirty_days_before_and_after_expiry()
    {
        var expiring = new CertificateExpiringRule();
        var expired = new CertificateExpiredRule();
        var o = Officer("A", to: "2024-12-31");
        expiring.Check(o, Context(today: "2024-12-01"))!.Message.ShouldContain("还有30日");
        expiring.Check(o, Context(today: "2024-11-30")).ShouldBeNull();
        expired.Check(o, Context(today: "2024-12-31")).ShouldBeNull();
        expired.Check(o, Context(today: "2025-01-01"))!.Message.ShouldContain("已于2024-12-31过期");
        expired.Check(Officer("B", to: "2024-12-31", status: CertificateStatus.Cancelled, since: "2024-12-31"), Context(today: "2025-06-01")).ShouldBeNull();
    }

    [Fact]
    public void Every_rule_has_a_unique_code_a_name_and_a_legal_basis()
    {
        WarningRules.All.Select(r => r.Code).Distinct().Count().ShouldBe(WarningRules.All.Count);
        WarningRules.All.ShouldAllBe(r => r.Name.Length > 0 && r.LegalBasis.Length > 0);
        WarningRules.All.Count.ShouldBeGreaterThanOrEqualTo(8);
    }
}
