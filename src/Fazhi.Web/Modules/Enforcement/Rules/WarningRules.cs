using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Enforcement.Domain;

namespace Fazhi.Web.Modules.Enforcement.Rules;

// The rules of 自动预警. Each is a small class that names its code, its legal basis and its severity, and answers
// one question about one record (or one officer) from facts it is handed: no database, so each is tested alone.
// Texts used: 行政处罚法 (2021年修订) arts 34, 42, 58, 60; 国办发〔2018〕118号 (公示 within 7 working days);
// 优化营商环境条例 art 54 and 国办发〔2024〕54号 (plans, repeat inspections); see docs/statutes/xingzheng-zhifa.md.

/// <summary>A rule's finding: the message the department reads.</summary>
public sealed record Finding(string Message);

public abstract class WarningRule
{
    public abstract string Code { get; }

    public abstract string Name { get; }

    public abstract string LegalBasis { get; }

    public abstract WarningSeverity Severity { get; }

    /// <summary>Time-based rules can start to hold without any new data; the daily sweep re-checks them.</summary>
    public virtual bool TimeBased => false;
}

/// <summary>A rule over one enforcement record.</summary>
public abstract class RecordRule : WarningRule
{
    public abstract Finding? Check(EnforcementRecord record, RuleContext context);
}

/// <summary>A rule over one officer's certificate.</summary>
public abstract class OfficerRule : WarningRule
{
    public override bool TimeBased => true;

    public abstract Finding? Check(Officer officer, RuleContext context);
}

/// <summary>Another inspection of the same enterprise, as the repeat-inspection rule sees it.</summary>
public sealed record InspectionRef(long RecordId, int OrgUnitId, string DepartmentName, string SourceId, DateOnly OpenedOn);

/// <summary>What the rules may consult. Built once per batch (or sweep chunk) by <see cref="WarningEngine"/>.</summary>
public sealed class RuleContext
{
    public required DateOnly Today { get; init; }

    public required HolidayCalendar Calendar { get; init; }

    public required EnforcementOptions Options { get; init; }

    /// <summary>Officers by certificate number (only those the records name).</summary>
    public IReadOnlyDictionary<string, Officer> Officers { get; init; } = new Dictionary<string, Officer>();

    public IReadOnlyDictionary<long, EnforcementItem> Items { get; init; } = new Dictionary<long, EnforcementItem>();

    /// <summary>Inspections of the enterprises the records name, by credit code.</summary>
    public IReadOnlyDictionary<string, List<InspectionRef>> InspectionsByEnterprise { get; init; } = new Dictionary<string, List<InspectionRef>>();

    /// <summary>(department, credit code, yyyyMM) of every filed plan entry for those enterprises.</summary>
    public IReadOnlySet<(int OrgUnitId, string CreditCode, int Month)> Plans { get; init; } = new HashSet<(int, string, int)>();

    /// <summary>(department, credit code, yyyyMM) covered by a confirmed joint inspection.</summary>
    public IReadOnlySet<(int OrgUnitId, string CreditCode, int Month)> JointVisits { get; init; } = new HashSet<(int, string, int)>();

    public static int MonthOf(DateOnly d) => d.Year * 100 + d.Month;
}

/// <summary>无证执法: 行政处罚法 第四十二条第一款 "行政处罚应当由具有行政执法资格的执法人员实施". Every officer named must hold a
/// certificate that was valid on the day the act began and, for a decision, on the day it was made — by the status it
/// had on that day (a 暂扣 since restored still counts for the days it lasted).</summary>
public sealed class UnlicensedOfficerRule : RecordRule
{
    public override string Code => "ZF01";
    public override string Name => "无证执法";
    public override string LegalBasis => "《行政处罚法》第四十二条第一款";
    public override WarningSeverity Severity => WarningSeverity.Serious;

    public override Finding? Check(EnforcementRecord record, RuleContext context)
    {
        var problems = new List<string>();
        foreach (var number in record.OfficerList)
        {
            if (!context.Officers.TryGetValue(number, out var officer))
            {
                problems.Add($"执法证号{number}未在平台登记");
                continue;
            }
            foreach (var day in new[] { record.OpenedOn, record.DecidedOn }.OfType<DateOnly>().Distinct())
                if (!officer.ValidOn(day))
                {
                    problems.Add($"{officer.Name}（{number}）的执法证在{day:yyyy-MM-dd}{WhyInvalid(officer, day)}");
                    break;
                }
        }
        return problems.Count == 0 ? null : new Finding(string.Join("；", problems));
    }

    private static string WhyInvalid(Officer o, DateOnly day) =>
        day < o.IssuedOn ? "尚未核发" :
        day > o.ExpiresOn ? "已过有效期" :
        o.StatusHistory.FirstOrDefault(p => day >= p.From && day < p.Until) is { } past
            ? $"处于{CertificateNames.Of(past.Status)}期间（{past.From:yyyy-MM-dd}至{past.Until.AddDays(-1):yyyy-MM-dd}）"
            : $"已{CertificateNames.Of(o.Status)}";
}

/// <summary>执法人员不足两人: 行政处罚法 第四十二条第一款 "执法人员不得少于两人，法律另有规定的除外" (and 行政强制法 第十八条 for
/// coercive measures). Applies to inspections, penalties and coercive measures.</summary>
public sealed class TooFewOfficersRule : RecordRule
{
    public override string Code => "ZF02";
    public override string Name => "执法人员不足两人";
    public override string LegalBasis => "《行政处罚法》第四十二条第一款；《行政强制法》第十八条";
    public override WarningSeverity Severity => WarningSeverity.Warning;

    public override Finding? Check(EnforcementRecord record, RuleContext context) =>
        record.Kind != RecordKind.Other && record.OfficerList.Distinct().Count() < 2
            ? new Finding($"仅有{record.OfficerList.Distinct().Count()}名执法人员实施{RecordNames.Of(record.Kind)}")
            : null;
}

/// <summary>超期未结: 行政处罚法 第六十条 "行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定
///的，从其规定". The period counts from the day after 立案 (民法典 第二百零一条) and, ending on a rest day, runs to the next working day;
/// a decision after it, or none by it, is overdue.</summary>
public sealed class OverduePenaltyRule : RecordRule
{
    public override string Code => "ZF03";
    public override string Name => "超期未结";
    public override string LegalBasis => "《行政处罚法》第六十条";
    public override WarningSeverity Severity => WarningSeverity.Warning;
    public override bool TimeBased => true;

    /// <summary>Day 90 after 立案; a period that ends on a rest day runs to the next working day (DOMAIN §4, 民事诉讼法 第八十五条).</summary>
    public static DateOnly DueOn(EnforcementRecord r, RuleContext c) => c.Calendar.NaturalPeriodEnd(r.OpenedOn, c.Options.PenaltyDecisionDays, provisional: true);

    public override Finding? Check(EnforcementRecord record, RuleContext context)
    {
        if (record.Kind != RecordKind.Penalty)
            return null;
        var due = DueOn(record, context);
        if (record.DecidedOn is { } decided)
            return decided > due ? new Finding($"{record.OpenedOn:yyyy-MM-dd}立案，应于{due:yyyy-MM-dd}前作出决定，实际{decided:yyyy-MM-dd}作出，超期{decided.DayNumber - due.DayNumber}日") : null;
        return context.Today > due ? new Finding($"{record.OpenedOn:yyyy-MM-dd}立案，应于{due:yyyy-MM-dd}前作出决定，至今未作出（已超期{context.Today.DayNumber - due.DayNumber}日）") : null;
    }
}

/// <summary>超裁量基准: 行政处罚法 第三十四条 (裁量基准). A fine above the range the item's benchmark gives for the stated
/// circumstance. A fine below it is a different situation — 从轻/减轻处罚 (第三十二条), which needs its own reasons — and is
/// not 超裁量基准.</summary>
public sealed class BeyondBenchmarkRule : RecordRule
{
    public override string Code => "ZF04";
    public override string Name => "超裁量基准";
    public override string LegalBasis => "《行政处罚法》第三十四条";
    public override WarningSeverity Severity => WarningSeverity.Warning;

    public override Finding? Check(EnforcementRecord record, RuleContext context)
    {
        if (record.Kind != RecordKind.Penalty || record.AmountFen is not { } amount || record.ItemId is not { } itemId ||
            !context.Items.TryGetValue(itemId, out var item) || item.Benchmarks.Count == 0)
            return null;
        var level = item.LevelOf(record.Circumstance);
        if (level is null)
            return new Finding($"未写明与裁量基准对应的违法情节（{string.Join("、", item.Benchmarks.Select(b => b.Level))}），无法核对罚款{RecordNames.FormatFen(amount)}元");
        if (amount > level.MaxFen)
            return new Finding($"情节“{level.Level}”的裁量基准为{RecordNames.FormatFen(level.MinFen)}至{RecordNames.FormatFen(level.MaxFen)}元，实际罚款{RecordNames.FormatFen(amount)}元");
        return null;
    }
}

/// <summary>重大处罚未经法制审核: 行政处罚法 第五十八条 "未经法制审核或者审核未通过的，不得作出决定". A decided penalty that the
/// department flagged as 重大, or whose amount reaches the configured threshold, must have had 法制审核.</summary>
public sealed class MajorWithoutReviewRule : RecordRule
{
    public override string Code => "ZF05";
    public override string Name => "重大处罚未经法制审核";
    public override string LegalBasis => "《行政处罚法》第五十八条";
    public override WarningSeverity Severity => WarningSeverity.Serious;

    public override Finding? Check(EnforcementRecord record, RuleContext context)
    {
        if (record.Kind != RecordKind.Penalty || record.DecidedOn is null || record.LegalReviewDone)
            return null;
        var byAmount = context.Options.MajorPenaltyFen > 0 && record.AmountFen >= context.Options.MajorPenaltyFen;
        if (!record.Major && !byAmount)
            return null;
        return new Finding(record.Major
            ? "部门标注为重大执法决定，作出决定前未经法制审核"
            : $"罚款{RecordNames.FormatFen(record.AmountFen)}元达到重大处罚标准（{context.Options.MajorPenaltyYuan:#,0}元），作出决定前未经法制审核");
    }
}

/// <summary>未按期公示: 国办发〔2018〕118号 — 行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开 (行政处罚法 第四十八条).
/// Working days follow the official 调休 calendar.</summary>
public sealed class NotPublishedRule : RecordRule
{
    public override string Code => "ZF06";
    public override string Name => "未按期公示";
    public override string LegalBasis => "《行政处罚法》第四十八条；国办发〔2018〕118号";
    public override WarningSeverity Severity => WarningSeverity.Notice;
    public override bool TimeBased => true;

    public static DateOnly DueOn(DateOnly decided, RuleContext c) => c.Calendar.AddWorkingDays(decided, c.Options.PublicationWorkingDays, provisional: true);

    public override Finding? Check(EnforcementRecord record, RuleContext context)
    {
        if (record.Kind != RecordKind.Penalty || record.DecidedOn is not { } decided)
            return null;
        var due = DueOn(decided, context);
        if (record.PublishedOn is { } published)
            return published > due ? new Finding($"{decided:yyyy-MM-dd}作出决定，应于{due:yyyy-MM-dd}前公示，实际{published:yyyy-MM-dd}公示") : null;
        return context.Today > due ? new Finding($"{decided:yyyy-MM-dd}作出决定，应于{due:yyyy-MM-dd}前公示，至今未公示") : null;
    }
}

/// <summary>重复检查 / 多头检查: 优化营商环境条例 第五十四条 ("针对同一检查对象的多个检查事项，应当尽可能合并或者纳入跨部门联合抽查范围") and 国办发〔2024〕54号 — inspections of one enterprise are merged, not
/// repeated. Raised on the later of two inspections of the same enterprise within the window, unless both departments'
/// visits were merged into a confirmed joint inspection that month.</summary>
public sealed class RepeatInspectionRule : RecordRule
{
    public override string Code => "ZF07";
    public override string Name => "重复检查";
    public override string LegalBasis => "《优化营商环境条例》第五十四条；国办发〔2024〕54号";
    public override WarningSeverity Severity => WarningSeverity.Notice;

    public override Finding? Check(EnforcementRecord record, RuleContext context)
    {
        if (record.Kind != RecordKind.Inspection || record.TargetCreditCode is not { } code ||
            !context.InspectionsByEnterprise.TryGetValue(code, out var others))
            return null;
        var window = context.Options.RepeatInspectionWindowDays;
        var month = RuleContext.MonthOf(record.OpenedOn);
        var earlier = others
            .Where(o => o.RecordId != record.Id && o.OpenedOn <= record.OpenedOn && record.OpenedOn.DayNumber - o.OpenedOn.DayNumber <= window)
            // Of two on the same day, the one with the larger id is "later": exactly one of the pair is warned.
            .Where(o => o.OpenedOn < record.OpenedOn || o.RecordId < record.Id)
            .Where(o => !(context.JointVisits.Contains((o.OrgUnitId, code, RuleContext.MonthOf(o.OpenedOn))) &&
                          context.JointVisits.Contains((record.OrgUnitId, code, month))))
            .OrderBy(o => o.OpenedOn).ToList();
        if (earlier.Count == 0)
            return null;
        // Another department's own record ids are not disclosed; its name is (that is the point of the warning).
        var parts = earlier.Select(o => o.OrgUnitId == record.OrgUnitId ? $"{o.OpenedOn:yyyy-MM-dd}本部门已检查（{o.SourceId}）" : $"{o.OpenedOn:yyyy-MM-dd}{o.DepartmentName}已检查");
        var kind = earlier.Any(o => o.OrgUnitId != record.OrgUnitId) ? "多头检查" : "重复检查";
        return new Finding($"{kind}：{window}日内{string.Join("，", parts)}");
    }
}

/// <summary>计划外涉企检查: 国办发〔2024〕54号 — 涉企行政检查 follow the filed annual plan. An inspection of an enterprise that
/// the department's plan does not list for that month.</summary>
public sealed class UnplannedInspectionRule : RecordRule
{
    public override string Code => "ZF08";
    public override string Name => "计划外涉企检查";
    public override string LegalBasis => "国办发〔2024〕54号";
    public override WarningSeverity Severity => WarningSeverity.Notice;

    public override Finding? Check(EnforcementRecord record, RuleContext context)
    {
        if (record.Kind != RecordKind.Inspection || record.TargetKind != TargetKind.Enterprise || record.TargetCreditCode is not { } code)
            return null;
        return context.Plans.Contains((record.OrgUnitId, code, RuleContext.MonthOf(record.OpenedOn)))
            ? null
            : new Finding($"{record.OpenedOn:yyyy-MM}检查{record.TargetName}，不在本部门报备的涉企检查计划内");
    }
}

/// <summary>执法证即将到期: a valid certificate that expires within the notice window.</summary>
public sealed class CertificateExpiringRule : OfficerRule
{
    public override string Code => "ZF09";
    public override string Name => "执法证即将到期";
    public override string LegalBasis => "行政执法证件管理规定（证件有效期与年审）";
    public override WarningSeverity Severity => WarningSeverity.Notice;

    public override Finding? Check(Officer officer, RuleContext context)
    {
        if (officer.Status != CertificateStatus.Valid || officer.ExpiresOn < context.Today)
            return null;
        var left = officer.ExpiresOn.DayNumber - context.Today.DayNumber;
        return left <= context.Options.CertificateExpiryNoticeDays
            ? new Finding($"{officer.Name}的执法证（{officer.CertificateNumber}）将于{officer.ExpiresOn:yyyy-MM-dd}到期，还有{left}日")
            : null;
    }
}

/// <summary>执法证已过期: a certificate past its expiry that is still recorded as valid, i.e. neither renewed nor cancelled.</summary>
public sealed class CertificateExpiredRule : OfficerRule
{
    public override string Code => "ZF10";
    public override string Name => "执法证已过期";
    public override string LegalBasis => "《行政处罚法》第四十二条第一款";
    public override WarningSeverity Severity => WarningSeverity.Warning;

    public override Finding? Check(Officer officer, RuleContext context) =>
        officer.Status == CertificateStatus.Valid && officer.ExpiresOn < context.Today
            ? new Finding($"{officer.Name}的执法证（{officer.CertificateNumber}）已于{officer.ExpiresOn:yyyy-MM-dd}过期，未换证或注销")
            : null;
}

/// <summary>投诉转办: a complaint about a department's enforcement (12345, 信访, the bureau's own channels) referred to it
/// through <see cref="Contracts.IEnforcementComplaints"/>. Raised by that contract, not by a check of records; followed
/// like any warning. Basis: the supervision body handles complaints about enforcement (《山东省行政执法监督条例》, 2014,
/// text read on sdses.org.cn; the article is not cited here because the copy read was incomplete).</summary>
public sealed class ComplaintReferralRule : WarningRule
{
    public override string Code => Contracts.EnforcementComplaintRule.Code;
    public override string Name => "投诉转办";
    public override string LegalBasis => "《山东省行政执法监督条例》";
    public override WarningSeverity Severity => WarningSeverity.Warning;
}

public static class WarningRules
{
    public static IReadOnlyList<WarningRule> All { get; } =
    [
        new UnlicensedOfficerRule(), new TooFewOfficersRule(), new OverduePenaltyRule(), new BeyondBenchmarkRule(),
        new MajorWithoutReviewRule(), new NotPublishedRule(), new RepeatInspectionRule(), new UnplannedInspectionRule(),
        new CertificateExpiringRule(), new CertificateExpiredRule(), new ComplaintReferralRule(),
    ];

    public static IReadOnlyList<RecordRule> ForRecords { get; } = [.. All.OfType<RecordRule>()];

    public static IReadOnlyList<OfficerRule> ForOfficers { get; } = [.. All.OfType<OfficerRule>()];

    public static WarningRule? ByCode(string code) => All.FirstOrDefault(r => r.Code == code);
}
