using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features;

public sealed record AdviserRequest(string? Kind, string? Name, string? Firm, string? LicenseNo, DateOnly? ServedFrom, DateOnly? ServedTo, string? OrgCode,
    IReadOnlyList<string>? Communities = null);

public sealed record AdviserWorkRequest(string? Kind, DateOnly? On, string? Subject, string? OrgCode = null, string? Court = null, string? CaseNumber = null);

public sealed record AdviserEvaluationRequest(int? Year, string? Grade, string? Note);

public sealed record AdviserRow(long Id, string Kind, string KindName, string Name, string Firm, string? LicenseNo, string Unit, string ServedFrom, string? ServedTo,
    bool Active, IReadOnlyList<string> Communities, int Opinions, int Litigation, int Work, string? LastGrade);

public sealed record CoverageTown(string Town, int Communities, int Covered);

/// <summary>一村（社区）一法律顾问 coverage: communities of the org tree under the scope with an adviser serving on the day.</summary>
public sealed record CoverageDto(string On, int Communities, int Covered, decimal? Rate, int CommunityAdvisers, IReadOnlyList<CoverageTown> Towns)
{
    /// <summary>法律服务机构 the serving advisers come from ([003]: 29 家), by 执业机构 name.</summary>
    public int Firms { get; init; }
}

/// <summary>法律顾问 and 公职律师: the register, their work (法律意见书 counted, 诉讼代理 declared), yearly evaluation, and
/// the 村（社区）法律顾问 coverage computed from the org tree's communities.</summary>
public sealed class AdviserService(FazhiDb db, ReviewService reviews)
{
    private DateOnly Today => reviews.Today;

    public async Task<LegalAdviser> RegisterAsync(AdviserRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = LegalityNames.Parse<AdviserKind>(r.Kind, LegalityNames.Of);
        if (kind is null)
            errors["kind"] = ["类别应为“政府法律顾问”“公职律师”或“村（社区）法律顾问”"];
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 64)
            errors["name"] = ["请填写姓名（64字以内）"];
        if (string.IsNullOrWhiteSpace(r.Firm) || r.Firm.Length > 200)
            errors["firm"] = ["请填写执业机构或工作单位（200字以内）"];
        if (r.LicenseNo is { Length: > 64 })
            errors["licenseNo"] = ["执业证号不能超过64字"];
        if (r.ServedFrom is null)
            errors["servedFrom"] = ["请填写聘期起始日期"];
        else if (r.ServedTo is { } to && to < r.ServedFrom)
            errors["servedTo"] = [$"聘期截止日期{to:yyyy-MM-dd}早于起始日期{r.ServedFrom:yyyy-MM-dd}"];
        int? unit = null;
        if (string.IsNullOrWhiteSpace(r.OrgCode))
        {
            unit = db.Actor.OrgUnitId;
            if (unit is null)
                errors["orgCode"] = ["请指定聘用单位"];
        }
        else if (await db.OrgUnits.AsNoTracking().Where(o => o.Code == r.OrgCode.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct) is { } id)
            unit = id;
        else
            errors["orgCode"] = [$"单位“{r.OrgCode}”不存在或不在您的数据权限范围内"];
        var codes = (r.Communities ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var communities = await db.OrgUnits.AsNoTracking().Where(o => codes.Contains(o.Code) && o.Kind == OrgKind.Community).Select(o => new { o.Id, o.Code }).ToListAsync(ct);
        if (communities.Count < codes.Count)
            errors["communities"] = [$"村（社区）“{string.Join("、", codes.Except(communities.Select(c => c.Code)))}”不在机构目录中或不在您的数据权限范围内"];
        if (kind == AdviserKind.Community && codes.Count == 0)
            errors["communities"] = ["村（社区）法律顾问请选择服务的村（社区）"];
        if (kind is not null and not AdviserKind.Community && codes.Count > 0)
            errors["communities"] = ["只有村（社区）法律顾问登记服务的村（社区）"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var a = new LegalAdviser
        {
            OrgUnitId = unit!.Value, Kind = kind!.Value, Name = r.Name!.Trim(), Firm = r.Firm!.Trim(), LicenseNo = string.IsNullOrWhiteSpace(r.LicenseNo) ? null : r.LicenseNo.Trim(),
            ServedFrom = r.ServedFrom!.Value, ServedTo = r.ServedTo, Communities = [.. communities.Select(c => new AdviserCommunity { CommunityId = c.Id })],
        };
        db.Set<LegalAdviser>().Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<LegalAdviser> GetAsync(long id, CancellationToken ct) =>
        await db.Set<LegalAdviser>().Include(a => a.Communities).FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException($"法律顾问（编号{id}）不存在或不在您的数据权限范围内。");

    public async Task<AdviserWork> RecordWorkAsync(long adviserId, AdviserWorkRequest r, CancellationToken ct)
    {
        var a = await GetAsync(adviserId, ct);
        var errors = new Dictionary<string, string[]>();
        var kind = LegalityNames.Parse<AdviserWorkKind>(r.Kind, LegalityNames.Of);
        if (kind is null)
            errors["kind"] = ["类别应为“法律意见书”“审查合同”“参与论证”或“诉讼代理”"];
        var on = r.On ?? Today;
        if (on > Today)
            errors["on"] = ["日期不能晚于今天"];
        else if (on < a.ServedFrom || (a.ServedTo is { } to && on > to))
            errors["on"] = [$"日期不在聘期（{a.ServedFrom:yyyy-MM-dd}起）之内"];
        if (string.IsNullOrWhiteSpace(r.Subject) || r.Subject.Length > 200)
            errors["subject"] = ["请填写事项（200字以内）"];
        if (kind == AdviserWorkKind.LitigationAgency)
        {
            if (string.IsNullOrWhiteSpace(r.Court) || r.Court.Length > 100)
                errors["court"] = ["诉讼代理请填写受理法院"];
            if (string.IsNullOrWhiteSpace(r.CaseNumber) || r.CaseNumber.Length > 64)
                errors["caseNumber"] = ["诉讼代理请填写案号"];
        }
        var unit = a.OrgUnitId;
        if (!string.IsNullOrWhiteSpace(r.OrgCode))
        {
            if (await db.OrgUnits.AsNoTracking().Where(o => o.Code == r.OrgCode.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct) is { } id)
                unit = id;
            else
                errors["orgCode"] = [$"单位“{r.OrgCode}”不存在或不在您的数据权限范围内"];
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var w = new AdviserWork
        {
            AdviserId = a.Id, OrgUnitId = unit, Kind = kind!.Value, On = on, Subject = r.Subject!.Trim(),
            Court = kind == AdviserWorkKind.LitigationAgency ? r.Court!.Trim() : null, CaseNumber = kind == AdviserWorkKind.LitigationAgency ? r.CaseNumber!.Trim() : null,
        };
        db.Set<AdviserWork>().Add(w);
        await db.SaveChangesAsync(ct);
        return w;
    }

    public async Task<AdviserEvaluation> EvaluateAsync(long adviserId, AdviserEvaluationRequest r, CancellationToken ct)
    {
        var a = await GetAsync(adviserId, ct);
        var year = r.Year ?? Today.Year;
        if (year < a.ServedFrom.Year || year > Today.Year)
            throw FazhiValidationException.For("year", $"考评年度应在{a.ServedFrom.Year}至{Today.Year}年之间");
        var grade = LegalityNames.Parse<AdviserGrade>(r.Grade, LegalityNames.Of) ?? throw FazhiValidationException.For("grade", "等次应为优秀、称职、基本称职或不称职");
        if (r.Note is { Length: > 1000 })
            throw FazhiValidationException.For("note", "评语不能超过1000字");
        var e = await db.Set<AdviserEvaluation>().FirstOrDefaultAsync(x => x.AdviserId == a.Id && x.Year == year, ct);
        if (e is null)
            db.Set<AdviserEvaluation>().Add(e = new AdviserEvaluation { AdviserId = a.Id, OrgUnitId = a.OrgUnitId, Year = year, EvaluatedBy = db.Actor.UserName });
        e.Grade = grade;
        e.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        e.EvaluatedBy = db.Actor.UserName;
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<Page<AdviserRow>> ListAsync(string? q, string? kind, int? page, int? size, CancellationToken ct)
    {
        var paging = Paging.Of(page, size);
        var rows = db.Set<LegalAdviser>().AsNoTracking().Include(a => a.Communities).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(a => a.Name.Contains(q.Trim()) || a.Firm.Contains(q.Trim()));
        if (LegalityNames.Parse<AdviserKind>(kind, LegalityNames.Of) is { } k)
            rows = rows.Where(a => a.Kind == k);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(a => a.Kind).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var ids = list.Select(a => a.Id).ToList();
        var work = await db.Set<AdviserWork>().AsNoTracking().Where(w => ids.Contains(w.AdviserId)).GroupBy(w => new { w.AdviserId, w.Kind })
            .Select(g => new { g.Key.AdviserId, g.Key.Kind, N = g.Count() }).ToListAsync(ct);
        var grades = (await db.Set<AdviserEvaluation>().AsNoTracking().Where(e => ids.Contains(e.AdviserId)).ToListAsync(ct))
            .GroupBy(e => e.AdviserId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Year).Last());
        var names = await db.Orgs.NamesAsync(list.Select(a => a.OrgUnitId).Concat(list.SelectMany(a => a.Communities.Select(c => c.CommunityId))).Distinct(), ct);
        return new Page<AdviserRow>([.. list.Select(a => new AdviserRow(a.Id, a.Kind.ToString(), LegalityNames.Of(a.Kind), a.Name, a.Firm, a.LicenseNo,
            names.GetValueOrDefault(a.OrgUnitId) ?? "", HolidayFile.Iso(a.ServedFrom), a.ServedTo is { } t ? HolidayFile.Iso(t) : null, a.ActiveOn(Today),
            [.. a.Communities.Select(c => names.GetValueOrDefault(c.CommunityId) ?? "")],
            work.Where(w => w.AdviserId == a.Id && w.Kind == AdviserWorkKind.Opinion).Sum(w => w.N),
            work.Where(w => w.AdviserId == a.Id && w.Kind == AdviserWorkKind.LitigationAgency).Sum(w => w.N),
            work.Where(w => w.AdviserId == a.Id).Sum(w => w.N),
            grades.GetValueOrDefault(a.Id) is { } g ? $"{g.Year}年{LegalityNames.Of(g.Grade)}" : null))], total, paging.Number, paging.Size);
    }

    /// <summary>Coverage on a day under a path: every active 村/社区 of the org tree, and those served by a 村（社区）法律顾问
    /// engaged on that day ([003]: 107 advisers for 169 communities).</summary>
    public async Task<CoverageDto> CoverageAsync(string path, DateOnly on, CancellationToken ct)
    {
        var communities = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgKind.Community && o.IsActive && o.Path.StartsWith(path))
            .Select(o => new { o.Id, o.ParentId }).ToListAsync(ct);
        var ids = communities.Select(c => c.Id).ToList();
        var advisers = await db.Set<LegalAdviser>().AsNoTracking().Include(a => a.Communities)
            .Where(a => a.Kind == AdviserKind.Community && a.ServedFrom <= on && (a.ServedTo == null || a.ServedTo >= on)).ToListAsync(ct);
        var covered = advisers.SelectMany(a => a.Communities.Select(c => c.CommunityId)).Where(ids.Contains).ToHashSet();
        var towns = await db.Orgs.NamesAsync(communities.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).Distinct(), ct);
        var serving = advisers.Where(a => a.Communities.Any(c => ids.Contains(c.CommunityId))).ToList();
        return new CoverageDto(HolidayFile.Iso(on), communities.Count, covered.Count, Kernel.Metrics.Percent.Of(covered.Count, communities.Count),
            serving.Count,
            [.. communities.GroupBy(c => c.ParentId).Select(g => new CoverageTown(g.Key is { } t ? towns.GetValueOrDefault(t) ?? "" : "", g.Count(), g.Count(c => covered.Contains(c.Id))))
                .OrderBy(t => t.Town, StringComparer.Ordinal)]) { Firms = serving.Select(a => a.Firm).Distinct(StringComparer.Ordinal).Count() };
    }

    public string ScopePath => db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix;

    public DateOnly TodayDate => Today;
}
