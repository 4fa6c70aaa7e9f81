using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Contracts;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>执法投诉转办 as a warning of the rule 投诉转办 on the department (see <see cref="IEnforcementComplaints"/>).</summary>
internal sealed class EnforcementComplaints(FazhiDb db, WarningEngine engine) : IEnforcementComplaints
{
    public async Task<ComplaintOpened> OpenAsync(ComplaintRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool bad, string field, string message) { if (bad) errors[field] = [message]; }
        Check(string.IsNullOrWhiteSpace(r.DepartmentCode), "departmentCode", "请指明被投诉的执法部门");
        Check(!string.IsNullOrEmpty(r.EnterpriseCreditCode) && !UnifiedSocialCreditCode.IsValid(r.EnterpriseCreditCode), "creditCode",
            UnifiedSocialCreditCode.Validate(r.EnterpriseCreditCode) ?? "");
        Check(string.IsNullOrWhiteSpace(r.EnterpriseName) || r.EnterpriseName.Length > 100, "enterpriseName", "请填写投诉涉及的企业名称（不超过100字）");
        Check(string.IsNullOrWhiteSpace(r.Text) || r.Text.Length > 800, "text", "请填写投诉内容（不超过800字）");
        Check(string.IsNullOrWhiteSpace(r.SourceRef) || r.SourceRef.Length > 64, "sourceRef", "请填写来源编号（不超过64字）");
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        var department = await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == r.DepartmentCode.Trim(), ct)
            ?? throw new NotFoundException($"执法部门“{r.DepartmentCode}”不存在或不在您的数据权限范围内。");
        if (department.Kind != OrgKind.EnforcementDepartment)
            throw FazhiValidationException.For("departmentCode", $"“{department.Name}”不是执法部门");

        var sourceRef = r.SourceRef.Trim();
        var key = $"{EnforcementComplaintRule.Code}:{sourceRef}";
        var existing = await db.EnforcementWarnings().ForJointWork().FirstOrDefaultAsync(w => w.OrgUnitId == department.Id && w.DedupKey == key, ct);
        if (existing is not null)
            return Opened(existing, department, alreadyOpen: true);

        var today = engine.Today;
        var credit = string.IsNullOrEmpty(r.EnterpriseCreditCode) ? "" : $"（{r.EnterpriseCreditCode.ToUpperInvariant()}）";
        var warning = new EnforcementWarning
        {
            OrgUnitId = department.Id, RuleCode = EnforcementComplaintRule.Code, Severity = WarningSeverity.Warning, Subject = sourceRef,
            Message = $"投诉转办（来源{sourceRef}）：涉及{r.EnterpriseName.Trim()}{credit}。{r.Text.Trim()}", DedupKey = key,
            RaisedOn = today, StepStartedOn = today, DueOn = engine.FeedbackDue(today), Status = WarningStatus.Issued,
        };
        db.EnforcementWarnings().Add(warning);
        await db.SaveChangesAsync(ct);
        return Opened(warning, department, alreadyOpen: false);
    }

    private static ComplaintOpened Opened(EnforcementWarning w, OrgUnit department, bool alreadyOpen) =>
        new(w.Id, department.Name, w.RaisedOn, w.DueOn, WarningNames.Of(w.Status), alreadyOpen);
}

/// <summary>An enterprise's inspections and penalties (see <see cref="IEnterpriseRecords"/>), through the data scope filter.</summary>
internal sealed class EnterpriseRecords(FazhiDb db) : IEnterpriseRecords
{
    public async Task<IReadOnlyList<EnterpriseRecord>> ForEnterpriseAsync(string creditCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (UnifiedSocialCreditCode.Validate(creditCode) is { } error)
            throw FazhiValidationException.For("creditCode", error);
        if (to < from)
            throw FazhiValidationException.For("to", "结束日期不能早于开始日期");
        var code = creditCode.ToUpperInvariant();
        var rows = await db.EnforcementRecords().AsNoTracking()
            .Where(r => r.TargetCreditCode == code && (r.Kind == RecordKind.Inspection || r.Kind == RecordKind.Penalty) && r.CountedOn >= from && r.CountedOn <= to)
            .OrderByDescending(r => r.CountedOn).ThenByDescending(r => r.Id).Take(1000)
            .Select(r => new
            {
                r.Id, r.Kind, r.OrgUnitId, r.SourceId, r.ItemCode, r.ItemId, r.TargetName, r.OpenedOn, r.DecidedOn, r.AmountFen, r.Circumstance,
            }).ToListAsync(ct);
        var orgIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var units = await db.Orgs.ByIdsAsync(orgIds, ct);
        var itemIds = rows.Where(r => r.ItemId != null).Select(r => r.ItemId!.Value).Distinct().ToList();
        var items = await db.EnforcementItems().ForJointWork().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return [.. rows.Select(r => new EnterpriseRecord(r.Id, r.Kind == RecordKind.Penalty ? "penalty" : "inspection", r.Kind == RecordKind.Penalty ? "行政处罚" : "行政检查",
            units[r.OrgUnitId].Code, units[r.OrgUnitId].Name, r.SourceId, r.ItemCode, r.ItemId is { } id ? items.GetValueOrDefault(id) : null,
            r.TargetName, r.OpenedOn, r.DecidedOn, r.AmountFen is { } fen ? fen / 100m : null, r.Circumstance))];
    }

    public async Task<IReadOnlyList<EnterpriseNamed>> NamedInAsync(string text, string? orgCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from)
            throw FazhiValidationException.For("to", "结束日期不能早于开始日期");
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var path = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.PathOfAsync(orgCode.Trim(), ct);
        var q = db.EnforcementRecords().AsNoTracking().Where(r => r.TargetKind == TargetKind.Enterprise && r.TargetCreditCode != null &&
            (r.Kind == RecordKind.Inspection || r.Kind == RecordKind.Penalty) && r.CountedOn >= from && r.CountedOn <= to);
        if (path is not null)
            q = q.Where(r => db.OrgUnits.Any(o => o.Id == r.OrgUnitId && o.Path.StartsWith(path)));
        var names = await q.Select(r => new { r.TargetCreditCode, r.TargetName }).Distinct().Take(100_000).ToListAsync(ct);
        var places = EnterpriseShortName.Places((await db.Orgs.UnderAsync("", ct, OrgKind.Province, OrgKind.City, OrgKind.District)).Select(o => o.Name));
        return [.. names
            .Select(n => (n, Matched: text.Contains(n.TargetName, StringComparison.Ordinal) ? n.TargetName
                : EnterpriseShortName.Of(n.TargetName, places) is { } s && text.Contains(s, StringComparison.Ordinal) ? s : null))
            .Where(x => x.Matched is not null)
            .GroupBy(x => x.n.TargetCreditCode!).Select(g => g.OrderByDescending(x => x.Matched!.Length).First())
            .OrderByDescending(x => x.Matched!.Length).ThenBy(x => x.n.TargetCreditCode, StringComparer.Ordinal).Take(5)
            .Select(x => new EnterpriseNamed(x.n.TargetCreditCode!, x.n.TargetName, x.Matched!))];
    }
}

/// <summary>简称 of a registered enterprise name as people say it: without the leading places of the org tree (威海市,
/// 威海, 环翠区, 环翠 …) and the trailing legal form (…有限公司); null when fewer than three characters are left (too short
/// to name one enterprise) or nothing was taken off.</summary>
internal static partial class EnterpriseShortName
{
    [System.Text.RegularExpressions.GeneratedRegex("(?:股份有限公司|有限责任公司|有限公司|分公司|公司)$")]
    private static partial System.Text.RegularExpressions.Regex Form();

    /// <summary>The place prefixes: each 省/市/区县 name, and without its 省/市/区/县 (longest first).</summary>
    public static IReadOnlyList<string> Places(IEnumerable<string> names) =>
        [.. names.SelectMany(n => n.Length > 2 && n[^1] is '省' or '市' or '区' or '县' ? new[] { n, n[..^1] } : [n])
            .Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];

    public static string? Of(string name, IReadOnlyList<string> places)
    {
        var s = Form().Replace(name.Trim(), "");
        for (var cut = true; cut;)
        {
            cut = false;
            foreach (var p in places)
                if (s.StartsWith(p, StringComparison.Ordinal) && s.Length - p.Length >= 3)
                {
                    s = s[p.Length..];
                    cut = true;
                    break;
                }
        }
        return s.Length >= 3 && s != name ? s : null;
    }
}
