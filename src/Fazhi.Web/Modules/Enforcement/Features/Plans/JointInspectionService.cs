using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Plans;

public sealed record JointFilter
{
    /// <summary>Proposed | Confirmed | Declined (or 平台建议 | 已确认 | 不合并); empty = all.</summary>
    public string? Status { get; init; }
    public int? Year { get; init; }
    public int? Month { get; init; }
    public string? Q { get; init; }
    // Nullable: a query without paging is a first page, not a binding error.
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record Participant(string Code, string Name, long PlanId, IReadOnlyList<string> Items);

public sealed record JointRow(long Id, string RegionCode, string Region, int Year, int Month, string CreditCode, string TargetName, int Departments,
    IReadOnlyList<Participant> Participants, string Status, string StatusName, string? LeadCode, string? Lead, string? ConfirmedOn, string? ConfirmedBy);

public sealed record ProposeResult(int Year, int? Month, int Proposed, int Updated, int Removed, int Unchanged, IReadOnlyList<JointRow> Proposals);

public sealed record ConfirmRequest(string? LeadDepartment);

/// <summary>
/// 联合检查 ("进一次门、查多项事", 国办发〔2024〕54号): the platform proposes to merge the visits that several departments of
/// a district plan to one enterprise in one month (<see cref="JointGrouping"/>); the district's 司法局 confirms a proposal
/// with a 牵头部门 or declines it. Only a confirmed joint inspection excuses the departments' visits from the
/// repeat-inspection rule (<see cref="RepeatInspectionRule"/>), and only it counts in the figures.
/// </summary>
public sealed class JointInspectionService(FazhiDb db, ICurrentUser user, WarningEngine engine)
{
    public static string NameOf(JointStatus s) => s switch
    {
        JointStatus.Proposed => "平台建议",
        JointStatus.Confirmed => "已确认",
        _ => "不合并",
    };

    private static JointStatus? ParseStatus(string? s) => s?.Trim() switch
    {
        "Proposed" or "proposed" or "平台建议" => JointStatus.Proposed,
        "Confirmed" or "confirmed" or "已确认" => JointStatus.Confirmed,
        "Declined" or "declined" or "不合并" => JointStatus.Declined,
        _ => null,
    };

    private void RequireSupervisor()
    {
        if (!user.Can(EnforcementPermissions.PlanJoint))
            throw new ForbiddenException("只有执法监督科或局领导可以生成、确认或否决联合检查。");
    }

    public async Task<Page<JointRow>> SearchAsync(JointFilter f, CancellationToken ct)
    {
        var q = db.JointInspections().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            var status = ParseStatus(f.Status) ?? throw FazhiValidationException.For("status", $"“{f.Status}”不是有效的状态（Proposed、Confirmed、Declined）");
            q = q.Where(j => j.Status == status);
        }
        if (f.Year is { } year) q = q.Where(j => j.Year == year);
        if (f.Month is { } month) q = q.Where(j => j.Month == month);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var upper = text.ToUpperInvariant();
            q = q.Where(j => j.TargetCreditCode == upper || j.TargetName.Contains(text));
        }
        var (page, size) = Paging.Of(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        var list = await q.OrderBy(j => j.Status == JointStatus.Proposed ? 0 : j.Status == JointStatus.Confirmed ? 1 : 2).ThenByDescending(j => j.Year).ThenByDescending(j => j.Month).ThenBy(j => j.TargetCreditCode).ThenBy(j => j.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<JointRow>(await RowsAsync(list, ct), total, page, size);
    }

    public async Task<JointRow> GetAsync(long id, CancellationToken ct) => (await RowsAsync([await FindAsync(id, ct)], ct))[0];

    private async Task<JointInspection> FindAsync(long id, CancellationToken ct) =>
        await db.JointInspections().FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("联合检查不存在或不在您的数据权限范围内。");

    private async Task<List<JointRow>> RowsAsync(IReadOnlyList<JointInspection> list, CancellationToken ct)
    {
        var ids = list.Select(j => (long?)j.Id).ToList();
        // The participants' plans are other departments' (a district's joint inspection): read for the list, named apart.
        var found = await db.InspectionPlans().ForJointWork().AsNoTracking().Where(p => ids.Contains(p.JointInspectionId))
            .Select(p => new { p.JointInspectionId, p.OrgUnitId, p.Id, p.Items }).ToListAsync(ct);
        var unitIds = list.Select(j => j.OrgUnitId).Concat(list.Where(j => j.LeadOrgUnitId != null).Select(j => j.LeadOrgUnitId!.Value))
            .Concat(found.Select(p => p.OrgUnitId));
        var units = await db.Orgs.ByIdsAsync(unitIds, ct);
        var plans = found.Select(p => new { p.JointInspectionId, units[p.OrgUnitId].Code, units[p.OrgUnitId].Name, p.Id, p.Items })
            .OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
        return [.. list.Select(j =>
        {
            var lead = j.LeadOrgUnitId is { } l ? units[l] : null;
            return new JointRow(j.Id, units[j.OrgUnitId].Code, units[j.OrgUnitId].Name, j.Year, j.Month, j.TargetCreditCode, j.TargetName, j.Departments,
                [.. plans.Where(p => p.JointInspectionId == j.Id).Select(p => new Participant(p.Code, p.Name, p.Id, PlanService.SplitItems(p.Items)))],
                j.Status.ToString(), NameOf(j.Status), lead?.Code, lead?.Name, j.ConfirmedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), j.ConfirmedBy);
        })];
    }

    /// <summary>
    /// 生成联合检查建议 for a year (or one month of it), over the plans in the caller's scope. Idempotent: a group that
    /// already has a proposal updates it (departments that filed since join it), a confirmed or declined one is left as
    /// decided, and a proposal whose group has fallen below two departments (plans withdrawn) is removed.
    /// </summary>
    public async Task<ProposeResult> ProposeAsync(int? year, int? month, CancellationToken ct)
    {
        RequireSupervisor();
        var errors = new Dictionary<string, string[]>();
        if (year is not (>= 2000 and <= 2100)) errors["year"] = ["请指定年度（2000至2100）"];
        if (month is not null and not (>= 1 and <= 12)) errors["month"] = ["月份应为1至12"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var y = year!.Value;

        // The department is in scope whenever its plan is: no IgnoreQueryFilters here, which would lift the scope of the
        // whole query.
        var visits = await (from p in db.InspectionPlans().AsNoTracking()
                            join o in db.OrgUnits on p.OrgUnitId equals o.Id
                            where p.Year == y && (month == null || p.Month == month) && o.ParentId != null
                            select new PlannedVisit(p.Id, p.OrgUnitId, o.ParentId!.Value, p.Year, p.Month, p.TargetCreditCode, p.TargetName)).ToListAsync(ct);
        // A proposal belongs to the district: one outside the caller's scope is not the caller's to make.
        var regionIds = visits.Select(v => v.RegionId).Distinct().ToList();
        var regions = (await db.OrgUnits.Where(o => regionIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var groups = JointGrouping.Group(visits.Where(v => regions.Contains(v.RegionId)));

        var strategy = db.Database.CreateExecutionStrategy();
        var (created, updated, removed, unchanged, touched) = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.AcquireWriteLockAsync(ct);
            var existing = await db.JointInspections().Where(j => j.Year == y && (month == null || j.Month == month)).ToListAsync(ct);
            var byKey = existing.ToDictionary(j => (j.OrgUnitId, j.Year, j.Month, j.TargetCreditCode));
            var proposedIds = existing.Where(j => j.Status == JointStatus.Proposed).Select(j => (long?)j.Id).ToList();
            var planIds = groups.SelectMany(g => g.PlanIds).ToList();
            var plans = new Dictionary<long, InspectionPlan>();
            foreach (var part in planIds.Chunk(1_000))
                foreach (var p in await db.InspectionPlans().Where(p => part.Contains(p.Id)).ToListAsync(ct))
                    plans[p.Id] = p;
            foreach (var p in await db.InspectionPlans().ForJointWork().Where(p => proposedIds.Contains(p.JointInspectionId)).ToListAsync(ct))
                plans[p.Id] = p;

            int created = 0, updated = 0, removed = 0, unchanged = 0;
            var fresh = new List<(JointInspection Joint, JointGroup Group)>();
            var kept = new HashSet<long>();
            var touched = new List<JointInspection>();
            foreach (var g in groups)
            {
                if (!byKey.TryGetValue((g.RegionId, g.Year, g.Month, g.CreditCode), out var j))
                {
                    j = new JointInspection
                    {
                        OrgUnitId = g.RegionId, Year = g.Year, Month = g.Month, TargetCreditCode = g.CreditCode, TargetName = g.TargetName,
                        Departments = g.Departments, Status = JointStatus.Proposed,
                    };
                    db.JointInspections().Add(j);
                    fresh.Add((j, g));
                    touched.Add(j);
                    created++;
                    continue;
                }
                kept.Add(j.Id);
                if (j.Status != JointStatus.Proposed)
                {
                    unchanged++;
                    continue;
                }
                var members = g.PlanIds.ToHashSet();
                var changed = j.Departments != g.Departments;
                foreach (var p in plans.Values.Where(p => p.JointInspectionId == j.Id && !members.Contains(p.Id)))
                {
                    p.JointInspectionId = null;
                    changed = true;
                }
                foreach (var id in g.PlanIds.Where(id => plans[id].JointInspectionId != j.Id))
                {
                    plans[id].JointInspectionId = j.Id;
                    changed = true;
                }
                if (changed)
                {
                    j.Departments = g.Departments;
                    j.Version++;
                    touched.Add(j);
                    updated++;
                }
                else
                    unchanged++;
            }
            foreach (var j in existing.Where(j => j.Status == JointStatus.Proposed && !kept.Contains(j.Id)))
            {
                foreach (var p in plans.Values.Where(p => p.JointInspectionId == j.Id))
                    p.JointInspectionId = null;
                db.JointInspections().Remove(j);
                removed++;
            }
            await db.SaveChangesAsync(ct);
            foreach (var (j, g) in fresh)
                foreach (var id in g.PlanIds)
                    plans[id].JointInspectionId = j.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (created, updated, removed, unchanged, touched);
        });
        return new ProposeResult(y, month, created, updated, removed, unchanged, await RowsAsync(touched, ct));
    }

    /// <summary>确认: the district organises the joint visit, led by one of the participating departments.</summary>
    public async Task<JointRow> ConfirmAsync(long id, ConfirmRequest request, CancellationToken ct)
    {
        RequireSupervisor();
        var j = await FindAsync(id, ct);
        if (j.Status != JointStatus.Proposed)
            throw new ConflictException($"该联合检查当前为“{NameOf(j.Status)}”，只能确认平台建议。");
        var participantIds = await db.InspectionPlans().ForJointWork().Where(p => p.JointInspectionId == id).Select(p => p.OrgUnitId).Distinct().ToListAsync(ct);
        var participants = (await db.Orgs.ByIdsAsync(participantIds, ct)).Values.Select(o => new { o.Id, o.Code }).ToList();
        if (string.IsNullOrWhiteSpace(request.LeadDepartment))
            throw FazhiValidationException.For("leadDepartment", "请选择牵头部门");
        if (participants.Count < 2)
            throw new ConflictException("参与的部门已不足两个（有计划被撤回），请重新生成联合检查建议。");
        var lead = participants.FirstOrDefault(p => p.Code == request.LeadDepartment.Trim())
            ?? throw FazhiValidationException.For("leadDepartment", $"牵头部门应为参与联合检查的部门之一（{string.Join("、", participants.Select(p => p.Code))}）");

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.AcquireWriteLockAsync(ct);
            j.Status = JointStatus.Confirmed;
            j.LeadOrgUnitId = lead.Id;
            j.Departments = participants.Count;
            j.ConfirmedOn = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
            j.ConfirmedBy = user.UserName;
            j.Version++;
            await db.SaveChangesAsync(ct);
            // Visits already reported for that month are no longer repeats of each other: the rule sees the confirmation
            // and closes the warnings no one has answered yet.
            var departments = participants.Select(p => p.Id).ToList();
            DateOnly first = new(j.Year, j.Month, 1), last = first.AddMonths(1).AddDays(-1);
            var records = await db.EnforcementRecords().ForJointWork()
                .Where(r => r.Kind == RecordKind.Inspection && r.TargetCreditCode == j.TargetCreditCode && departments.Contains(r.OrgUnitId) &&
                            r.OpenedOn >= first && r.OpenedOn <= last)
                .Select(r => r.Id).ToListAsync(ct);
            if (records.Count > 0)
            {
                await engine.EvaluateRecordsAsync(records, ct, [.. WarningRules.ForRecords.OfType<RepeatInspectionRule>()]);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        });
        return await GetAsync(id, ct);
    }

    /// <summary>不合并: the departments visit separately; their plans are free again.</summary>
    public async Task<JointRow> DeclineAsync(long id, CancellationToken ct)
    {
        RequireSupervisor();
        var j = await FindAsync(id, ct);
        if (j.Status != JointStatus.Proposed)
            throw new ConflictException($"该联合检查当前为“{NameOf(j.Status)}”，只能否决平台建议。");
        var row = await GetAsync(id, ct);
        foreach (var p in await db.InspectionPlans().ForJointWork().Where(p => p.JointInspectionId == id).ToListAsync(ct))
            p.JointInspectionId = null;
        j.Status = JointStatus.Declined;
        j.Version++;
        await db.SaveChangesAsync(ct);
        return row with { Status = j.Status.ToString(), StatusName = NameOf(j.Status) };
    }
}
