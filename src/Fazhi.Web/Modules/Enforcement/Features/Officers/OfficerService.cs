using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Enforcement.Features.Officers;

public sealed record OfficerFilter
{
    /// <summary>Searches name and certificate number; a full ID number matches exactly.</summary>
    public string? Q { get; init; }
    /// <summary>The department (and the units below it), by org code.</summary>
    public string? Department { get; init; }
    /// <summary>有效/暂扣/注销/撤销 (or Valid/Suspended/Cancelled/Revoked).</summary>
    public string? Status { get; init; }
    /// <summary>Valid certificates that expire within the notice period or have expired.</summary>
    public bool? Expiring { get; init; }
    /// <summary>1 when empty.</summary>
    public int? Page { get; init; }
    /// <summary>20 when empty, at most 200.</summary>
    public int? PageSize { get; init; }
}

/// <summary>An officer and certificate as a client sends them. The status is only taken on creation (an existing
/// certificate registered as 暂扣, say); later changes go through the status endpoint. An empty ID number on an
/// update keeps the stored one, since clients only ever see it masked.</summary>
public sealed class OfficerRequest
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? CertificateNumber { get; set; }
    /// <summary>The department's org code.</summary>
    public string? Department { get; set; }
    public string? Field { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public string? Status { get; set; }
    public DateOnly? StatusSince { get; set; }
    public string? StatusReason { get; set; }
}

public sealed class StatusRequest
{
    public string? Status { get; set; }
    /// <summary>The day the status takes effect; today when empty.</summary>
    public DateOnly? On { get; set; }
    public string? Reason { get; set; }
}

public sealed class ReviewRequest
{
    public int? Year { get; set; }
    /// <summary>annual (年审) or fourYear (四年年审).</summary>
    public string? Kind { get; set; }
    public DateOnly? On { get; set; }
    public bool? Passed { get; set; }
    public string? Note { get; set; }
}

public sealed class TrainingRequest
{
    public decimal? Hours { get; set; }
    public decimal? ExamScore { get; set; }
    public bool? ExamPassed { get; set; }
}

public sealed record OfficerRow(long Id, string Name, string? IdNumberMasked, string CertificateNumber, string Department, string DepartmentCode,
    string? Field, string IssuedOn, string ExpiresOn, string Status, string StatusName, string? StatusSince, string? StatusReason,
    string? Expiry, int DaysLeft, bool ValidToday);

public sealed record ReviewDto(int Year, string Kind, string KindName, string On, bool Passed, string? Note);

public sealed record TrainingDto(int Year, decimal Hours, decimal? ExamScore, bool? ExamPassed);

public sealed record OfficerDetail(OfficerRow Officer, bool Final, int Version, IReadOnlyList<ReviewDto> Reviews, IReadOnlyList<TrainingDto> Training,
    IReadOnlyList<WarningRow> Warnings);

/// <summary>
/// 执法人员与执法证: the certificate register. 注销 and 撤销 end a certificate for good (a new certificate gets a new
/// number), so nothing about it changes afterwards. Every save re-runs the certificate rules for the officer in the
/// same transaction, so 即将到期 (ZF09) and 已过期 (ZF10) warnings appear and close with the data.
/// </summary>
public sealed class OfficerService(FazhiDb db, WarningEngine engine, IOptions<EnforcementOptions> options, Kernel.Timers.DeadlinePolicy deadlines)
{
    public const int MaxTrainingHours = 1000;

    public DateOnly Today => engine.Today;

    private async Task<IQueryable<Officer>> FilterAsync(OfficerFilter f, CancellationToken ct)
    {
        var q = db.Officers().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Department))
        {
            var path = await db.OrgUnits.PathOfAsync(f.Department, ct);
            q = q.Where(x => db.OrgUnits.Any(o => o.Id == x.OrgUnitId && o.Path.StartsWith(path)));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var id = db.Fields.IndexOf(text); // 身份证号 is stored encrypted: found by its blind index
            q = q.Where(x => x.Name.Contains(text) || x.CertificateNumber.Contains(text)
                || EF.Property<string>(x, nameof(Officer.IdNumber) + Kernel.Security.EncryptedAttribute.IndexSuffix) == id);
        }
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            var status = CertificateNames.Parse(f.Status) ?? throw FazhiValidationException.For("status", "状态应为有效、暂扣、注销或撤销");
            q = q.Where(x => x.Status == status);
        }
        if (f.Expiring == true)
        {
            var horizon = Today.AddDays(options.Value.CertificateExpiryNoticeDays);
            q = q.Where(x => x.Status == CertificateStatus.Valid && x.ExpiresOn <= horizon);
        }
        return q;
    }

    public async Task<Page<OfficerRow>> SearchAsync(OfficerFilter f, CancellationToken ct)
    {
        var q = await FilterAsync(f, ct);
        var (page, size) = Paging.Of(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        return new Page<OfficerRow>(await ProjectAsync(q, (page - 1) * size, size, ct), total, page, size);
    }

    /// <summary>Everything the filter finds (up to 100,000), for the export.</summary>
    public async Task<List<(OfficerRow Row, Officer Officer)>> ListAsync(OfficerFilter f, CancellationToken ct)
    {
        var rows = await (from x in await FilterAsync(f, ct)
                          join o in db.OrgUnits on x.OrgUnitId equals o.Id // in scope like the officer; IgnoreQueryFilters here would lift every filter of the query
                          orderby o.Path, x.CertificateNumber
                          select new { x, o.Name, o.Code }).Take(100_000).ToListAsync(ct);
        return [.. rows.Select(r => (ToRow(r.x, r.Name, r.Code), r.x))];
    }

    private async Task<List<OfficerRow>> ProjectAsync(IQueryable<Officer> q, int skip, int take, CancellationToken ct)
    {
        var rows = await (from x in q
                          join o in db.OrgUnits on x.OrgUnitId equals o.Id // in scope like the officer; IgnoreQueryFilters here would lift every filter of the query
                          orderby o.Path, x.CertificateNumber, x.Id
                          select new { x, o.Name, o.Code }).Skip(skip).Take(take).ToListAsync(ct);
        return [.. rows.Select(r => ToRow(r.x, r.Name, r.Code))];
    }

    /// <summary>The enforcement departments in scope, for the department pickers.</summary>
    public Task<List<OrgUnit>> DepartmentsAsync(CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgKind.EnforcementDepartment && o.IsActive).OrderBy(o => o.Path).ToListAsync(ct);

    public async Task<OfficerDetail> GetAsync(long id, CancellationToken ct)
    {
        var officer = await db.Officers().AsNoTracking().Include(x => x.Training).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound(id);
        var dept = await db.Orgs.GetAsync(officer.OrgUnitId, ct);
        var warnings = await db.EnforcementWarnings().AsNoTracking().Where(w => w.OfficerId == id)
            .OrderBy(w => w.Status == WarningStatus.Closed).ThenByDescending(w => w.RaisedOn).ThenByDescending(w => w.Id).Take(50).ToListAsync(ct);
        return new OfficerDetail(ToRow(officer, dept.Name, dept.Code), IsFinal(officer.Status), officer.Version,
            [.. officer.Reviews.OrderByDescending(r => r.Year).ThenBy(r => r.Kind).Select(r => new ReviewDto(r.Year, KindCode(r.Kind), CertificateNames.Of(r.Kind), Iso(r.On), r.Passed, r.Note))],
            [.. officer.Training.OrderByDescending(t => t.Year).Select(t => new TrainingDto(t.Year, t.Hours, t.ExamScore, t.ExamPassed))],
            [.. warnings.Select(w => WarningService.ToRow(w, dept.Name, Today, deadlines))]);
    }

    public async Task<OfficerDetail> CreateAsync(OfficerRequest r, CancellationToken ct)
    {
        var (errors, department) = await CheckAsync(r, null, ct);
        var status = CertificateStatus.Valid;
        if (!string.IsNullOrWhiteSpace(r.Status))
        {
            if (CertificateNames.Parse(r.Status) is { } s) status = s;
            else errors["status"] = ["状态应为有效、暂扣、注销或撤销"];
        }
        if (status != CertificateStatus.Valid)
            CheckStatusFields(status, r.StatusSince, r.StatusReason, r.IssuedOn, null, "statusSince", "statusReason", errors);
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var officer = New();
        Apply(officer, r, department!);
        if (status != CertificateStatus.Valid)
            (officer.Status, officer.StatusSince, officer.StatusReason) = (status, r.StatusSince, r.StatusReason!.Trim());
        db.Officers().Add(officer);
        await SaveAsync([officer], ct);
        return await GetAsync(officer.Id, ct);
    }

    public async Task<OfficerDetail> UpdateAsync(long id, OfficerRequest r, CancellationToken ct)
    {
        var officer = await FindForChangeAsync(id, ct);
        var (errors, department) = await CheckAsync(r, officer, ct);
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        if (!Same(officer, r, department!))
        {
            Apply(officer, r, department!);
            officer.Version++;
        }
        await SaveAsync([officer], ct);
        return await GetAsync(id, ct);
    }

    /// <summary>暂扣, 恢复有效, 注销 or 撤销 from a day on. 注销 and 撤销 are final.</summary>
    public async Task<OfficerDetail> ChangeStatusAsync(long id, StatusRequest r, CancellationToken ct)
    {
        var officer = await FindForChangeAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        var status = CertificateNames.Parse(r.Status);
        if (status is null)
            errors["status"] = ["状态应为有效、暂扣、注销或撤销"];
        else if (status == officer.Status)
            throw new ConflictException($"执法证已是“{CertificateNames.Of(officer.Status)}”状态。");
        var on = r.On ?? Today;
        if (status is { } s)
            CheckStatusFields(s, on, r.Reason, officer.IssuedOn, officer.StatusSince, "on", "reason", errors);
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        officer.ChangeStatus(status!.Value, on, r.Reason);
        officer.Version++;
        await SaveAsync([officer], ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Records a 年审 or 四年年审; a second record of the same year and kind corrects the first.</summary>
    public async Task<OfficerDetail> AddReviewAsync(long id, ReviewRequest r, CancellationToken ct)
    {
        var officer = await FindForChangeAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        var kind = ParseKind(r.Kind);
        if (kind is null) errors["kind"] = ["年审类型应为 annual（年审）或 fourYear（四年年审）"];
        if (r.Year is not { } year) errors["year"] = ["请填写年审年度"];
        else if (year < officer.IssuedOn.Year || year > Today.Year + 1) errors["year"] = [$"年审年度应在{officer.IssuedOn.Year}年至{Today.Year + 1}年之间"];
        if (r.On is not { } on) errors["on"] = ["请填写年审日期"];
        else if (on > Today) errors["on"] = ["年审日期不能晚于今天"];
        else if (on < officer.IssuedOn) errors["on"] = [$"年审日期不能早于发证日期{Iso(officer.IssuedOn)}"];
        if (r.Passed is null) errors["passed"] = ["请填写年审是否通过"];
        if (r.Note is { Length: > 500 }) errors["note"] = ["备注不能超过500字"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var review = new CertificateReview { Year = r.Year!.Value, Kind = kind!.Value, On = r.On!.Value, Passed = r.Passed!.Value, Note = Blank(r.Note) };
        // A new list, so the change of the JSON column is seen whatever the element-level tracking does.
        officer.Reviews = [.. officer.Reviews.Where(x => !(x.Year == review.Year && x.Kind == review.Kind)).Select(Copy), review];
        officer.Version++;
        await SaveAsync([officer], ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Sets one year's training hours and exam result.</summary>
    public async Task<OfficerDetail> SetTrainingAsync(long id, int year, TrainingRequest r, CancellationToken ct)
    {
        var officer = await FindForChangeAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        if (year < 2000 || year > Today.Year) errors["year"] = [$"培训年度应在2000年至{Today.Year}年之间"];
        if (r.Hours is not { } hours) errors["hours"] = ["请填写培训学时"];
        else if (hours < 0 || hours > MaxTrainingHours) errors["hours"] = [$"培训学时应在0至{MaxTrainingHours}之间"];
        else if (decimal.Round(hours, 1) != hours) errors["hours"] = ["培训学时最多保留一位小数"];
        if (r.ExamScore is { } score && (score < 0 || score > 100 || decimal.Round(score, 1) != score))
            errors["examScore"] = ["考试成绩应为0至100分，最多一位小数"];
        if (r.ExamPassed is not null && r.ExamScore is null) errors["examScore"] = ["填写考试是否合格时请同时填写考试成绩"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        // One row per officer and year (enf_officer_training): the year's row is changed in place or added.
        await db.Entry(officer).Collection(x => x.Training).LoadAsync(ct);
        var entry = officer.Training.FirstOrDefault(t => t.Year == year);
        if (entry is null)
            officer.Training.Add(entry = new TrainingYear { Year = year });
        (entry.Hours, entry.ExamScore, entry.ExamPassed) = (r.Hours!.Value, r.ExamScore, r.ExamPassed);
        officer.Version++;
        await SaveAsync([officer], ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Saves officers with their certificate warnings in one transaction: a new officer needs its id before a warning
    /// can point at it, so new rows are saved first and the warnings in a second save of the same transaction.
    /// </summary>
    public async Task SaveAsync(IReadOnlyCollection<Officer> officers, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (officers.Any(o => o.Id == 0))
                await db.SaveChangesAsync(ct);
            await engine.EvaluateOfficersAsync(officers, ct);
            await CloseStaleAsync(officers, ct);
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// The engine keys certificate warnings by expiry date, so after a renewal (a new 有效期至) it no longer looks at the
    /// warning about the old date. Such a warning nobody has answered yet is closed here the way the engine closes
    /// one whose finding no longer holds.
    /// </summary>
    private async Task CloseStaleAsync(IReadOnlyCollection<Officer> officers, CancellationToken ct)
    {
        var byId = officers.ToDictionary(o => o.Id);
        var ids = byId.Keys.ToList();
        var codes = WarningRules.ForOfficers.Select(r => r.Code).ToList();
        var open = await db.EnforcementWarnings().ForSystemJob()
            .Where(w => w.OfficerId != null && ids.Contains(w.OfficerId.Value) && codes.Contains(w.RuleCode) && w.Status == WarningStatus.Issued && w.Feedback == null)
            .ToListAsync(ct);
        foreach (var w in open)
        {
            var current = $":O{w.OfficerId}:{byId[w.OfficerId!.Value].ExpiresOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
            if (w.DedupKey.EndsWith(current, StringComparison.Ordinal))
                continue;
            w.Status = WarningStatus.Closed;
            w.AutoClosed = true;
            w.ClosedOn = Today;
            w.ClosedBy = "system";
            w.CloseNote = "执法证有效期已变更，系统自动销号";
        }
    }

    public async Task<Officer> FindForChangeAsync(long id, CancellationToken ct)
    {
        var officer = await db.Officers().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound(id);
        RefuseIfFinal(officer);
        return officer;
    }

    public static void RefuseIfFinal(Officer officer)
    {
        if (IsFinal(officer.Status))
            throw new ConflictException($"执法证{officer.CertificateNumber}已于{Iso(officer.StatusSince)}{CertificateNames.Of(officer.Status)}，不能再作任何变更。");
    }

    public static bool IsFinal(CertificateStatus s) => CertificateStateMachine.IsFinal(s);

    /// <summary>Checks of the request with the database: the department must be in scope, the certificate number unused.</summary>
    public async Task<(Dictionary<string, string[]> Errors, OrgUnit? Department)> CheckAsync(OfficerRequest r, Officer? existing, CancellationToken ct)
    {
        var errors = CheckFields(r, existing);
        OrgUnit? department = null;
        if (string.IsNullOrWhiteSpace(r.Department)) errors["department"] = ["请选择执法部门"];
        else
        {
            var code = r.Department.Trim();
            department = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
            if (department is not { Kind: OrgKind.EnforcementDepartment })
            {
                errors["department"] = [$"“{code}”不是本级或下级的执法部门"];
                department = null;
            }
        }
        if (!errors.ContainsKey("certificateNumber"))
        {
            var number = r.CertificateNumber!.Trim();
            // Certificate numbers are unique across the platform, whoever holds them: refused in one wording, which
            // does not tell the caller's own officers from another unit's.
            if (await db.Officers().ForUniquenessCheck().AnyAsync(x => x.CertificateNumber == number && x.Id != (existing == null ? 0 : existing.Id), ct))
                errors["certificateNumber"] = [UniquenessMessages.Taken("执法证号", number)];
        }
        return (errors, department);
    }

    /// <summary>Checks of the officer's own fields (no database); errors keyed by request field.</summary>
    public Dictionary<string, string[]> CheckFields(OfficerRequest r, Officer? existing)
    {
        var errors = new Dictionary<string, string[]>();
        Need(r.Name, "name", "姓名", 64, errors);
        if (!string.IsNullOrWhiteSpace(r.IdNumber) && IdentityNumber.Validate(r.IdNumber.Trim()) is { } idError)
            errors["idNumber"] = [idError];
        Need(r.CertificateNumber, "certificateNumber", "执法证号", 32, errors);
        if (!errors.ContainsKey("certificateNumber") && r.CertificateNumber!.Trim().Any(c => char.IsWhiteSpace(c) || c is '、' or ',' or '，' or ';' or '；'))
            errors["certificateNumber"] = ["执法证号不能包含空格或分隔符"];
        Need(r.Field, "field", "执法领域", 64, errors, required: false);
        if (r.IssuedOn is null) errors["issuedOn"] = ["请填写发证日期"];
        else if (r.IssuedOn > Today) errors["issuedOn"] = ["发证日期不能晚于今天"];
        else if (r.IssuedOn.Value.Year < 1990) errors["issuedOn"] = ["发证日期应在1990年以后"];
        if (r.ExpiresOn is null) errors["expiresOn"] = ["请填写有效期至"];
        else if (r.IssuedOn is { } issued && r.ExpiresOn <= issued) errors["expiresOn"] = ["有效期至应晚于发证日期"];
        else if (r.IssuedOn is { } from && r.ExpiresOn > from.AddYears(20)) errors["expiresOn"] = ["有效期超过20年，请核对日期"];
        if (existing is not null && existing.StatusSince is { } since && r.IssuedOn > since)
            errors["issuedOn"] = [$"发证日期不能晚于状态变更日期{Iso(since)}"];
        return errors;
    }

    /// <summary>A status other than 有效 needs the day it took effect and the reason.</summary>
    public void CheckStatusFields(CertificateStatus status, DateOnly? on, string? reason, DateOnly? issuedOn, DateOnly? since, string onField, string reasonField,
        Dictionary<string, string[]> errors)
    {
        if (on is null) errors[onField] = ["请填写状态生效日期"];
        else if (on > Today) errors[onField] = ["状态生效日期不能晚于今天"];
        else if (issuedOn is { } issued && on < issued) errors[onField] = [$"状态生效日期不能早于发证日期{Iso(issued)}"];
        else if (since is { } previous && on < previous) errors[onField] = [$"状态生效日期不能早于上次变更日期{Iso(previous)}"];
        if (status != CertificateStatus.Valid && string.IsNullOrWhiteSpace(reason)) errors[reasonField] = [$"请填写{CertificateNames.Of(status)}原因"];
        else if (reason is { Length: > 500 }) errors[reasonField] = ["原因不能超过500字"];
    }

    public static Officer New() => new() { Name = "", CertificateNumber = "" };

    public static void Apply(Officer o, OfficerRequest r, OrgUnit department)
    {
        o.Name = r.Name!.Trim();
        if (!string.IsNullOrWhiteSpace(r.IdNumber))
            o.IdNumber = r.IdNumber.Trim().ToUpperInvariant();
        o.CertificateNumber = r.CertificateNumber!.Trim();
        o.OrgUnitId = department.Id;
        o.Field = Blank(r.Field);
        o.IssuedOn = r.IssuedOn!.Value;
        o.ExpiresOn = r.ExpiresOn!.Value;
    }

    public static bool Same(Officer o, OfficerRequest r, OrgUnit department) =>
        o.Name == r.Name!.Trim() && (string.IsNullOrWhiteSpace(r.IdNumber) || string.Equals(o.IdNumber, r.IdNumber.Trim().ToUpperInvariant(), StringComparison.Ordinal)) &&
        o.CertificateNumber == r.CertificateNumber!.Trim() && o.OrgUnitId == department.Id && o.Field == Blank(r.Field) &&
        o.IssuedOn == r.IssuedOn && o.ExpiresOn == r.ExpiresOn;

    public OfficerRow ToRow(Officer o, string department, string departmentCode)
    {
        var today = Today;
        var left = o.ExpiresOn.DayNumber - today.DayNumber;
        string? expiry = o.Status != CertificateStatus.Valid ? null
            : left < 0 ? "已过期"
            : left <= options.Value.CertificateExpiryNoticeDays ? "即将到期"
            : null;
        return new OfficerRow(o.Id, o.Name, PersonalData.MaskIdNumber(o.IdNumber), o.CertificateNumber, department, departmentCode, o.Field,
            Iso(o.IssuedOn), Iso(o.ExpiresOn), o.Status.ToString(), CertificateNames.Of(o.Status), Iso(o.StatusSince), o.StatusReason,
            expiry, left, o.ValidOn(today));
    }

    public static ReviewKind? ParseKind(string? s) => s?.Trim() switch
    {
        "annual" or "Annual" or "年审" => ReviewKind.Annual,
        "fourYear" or "FourYear" or "fouryear" or "四年年审" => ReviewKind.FourYear,
        _ => null,
    };

    public static string KindCode(ReviewKind k) => k == ReviewKind.Annual ? "annual" : "fourYear";

    private static CertificateReview Copy(CertificateReview r) => new() { Year = r.Year, Kind = r.Kind, On = r.On, Passed = r.Passed, Note = r.Note };

    private static void Need(string? v, string field, string label, int max, Dictionary<string, string[]> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(v))
        {
            if (required) errors[field] = [$"请填写{label}"];
        }
        else if (v.Trim().Length > max) errors[field] = [$"{label}不能超过{max}个字"];
        else if (v.Any(c => c is '<' or '>' or '&' or '"' || char.IsControl(c))) errors[field] = [$"{label}不能包含 < > & \" 或控制字符"];
    }

    private static NotFoundException NotFound(long id) => new($"执法人员（编号{id}）不存在或不在您的数据权限范围内。");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Iso(DateOnly? d) => d is { } v ? Iso(v) : null;
}
