using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features.Actions;
using Fazhi.Web.Modules.LegalAid.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.LegalAid.Features;

public sealed record ConsultationRequest(string? Mode, string? Name, string? Phone, string? CaseType, string? Question, string? Answer,
    DateTime? At = null, string? ReferralSource = null, string? ReferralRef = null, string? OrgCode = null);

public sealed record ConsultationRow(long Id, string At, string Mode, string Name, string? PhoneMasked, string? CaseType, string Question,
    string? Answer, string? Handler, string? Referral, long? CaseId);

public sealed record ProviderRow(long Id, string Name, string Kind, string? Firm, int PracticeYears, string? PhoneMasked, bool DutyLawyer,
    string? Workstation, int CurrentLoad, int ClosedThisYear);

public sealed record ProviderRequest(string? Name, string? Kind, string? Firm, int? PracticeYears, string? Phone, bool? DutyLawyer, long? WorkstationId);

public sealed record WorkstationRow(long Id, string Name, string Host, string? Address, string OpenedOn, bool Active, int DutyLawyers, int Applications);

public sealed record SubsidyStandardRow(string CaseType, string Stage, decimal Amount);

public sealed record SubsidyLine(long CaseId, string Number, string ApplicantName, string CaseType, string? Stage, string ClosedOn, string Provider, decimal Amount,
    string? PaidOn = null);

public sealed record SubsidyPaidRequest(DateOnly? From, DateOnly? To, DateOnly? PaidOn);

public sealed record SubsidyPaidResult(int Cases, decimal Amount, string PaidOn);

public sealed record SubsidyPayment(string From, string To, IReadOnlyList<SubsidyLine> Lines, IReadOnlyList<SubsidyByProvider> ByProvider, decimal Total);

public sealed record SubsidyByProvider(string Provider, int Cases, decimal Amount);

/// <summary>咨询登记, 人员名册 (with current load), 工作站, 办案补贴标准 and 补贴发放清单: the module's lists besides the cases.</summary>
public sealed class AidDirectory(FazhiDb db, IOptions<AidRulesOptions> options)
{
    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    private async Task<int> UnitIdAsync(string? orgCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(orgCode))
            return (await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct))?.Id
                ?? throw FazhiValidationException.For("orgCode", $"机构“{orgCode}”不存在或不在您的数据权限范围内");
        return db.Actor.OrgUnitId ?? throw FazhiValidationException.For("orgCode", "请指定法律援助机构所在单位");
    }

    // ---- 咨询 --------------------------------------------------------------------------------------------

    public async Task<AidConsultation> AddConsultationAsync(ConsultationRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var mode = AidNames.Parse<ConsultationMode>(r.Mode, AidNames.Of);
        if (mode is null)
            errors["mode"] = ["咨询方式应为来电、来信、来访或网上"];
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 100)
            errors["name"] = ["请填写咨询人（不超过100个字符）"];
        if (!string.IsNullOrWhiteSpace(r.Phone) && !PersonalData.IsMobileOrLandline(r.Phone))
            errors["phone"] = ["电话号码格式不对"];
        AidCaseType? type = null;
        if (!string.IsNullOrWhiteSpace(r.CaseType) && (type = AidNames.Parse<AidCaseType>(r.CaseType, AidNames.Of)) is null)
            errors["caseType"] = ["类别应为民事、刑事、行政或非诉讼"];
        if (string.IsNullOrWhiteSpace(r.Question) || r.Question.Length > 1000)
            errors["question"] = ["请填写咨询问题（不超过1000个字符）"];
        if (r.Answer is { Length: > 2000 })
            errors["answer"] = ["解答不能超过2000个字符"];
        if (r.At is { } at && AidService.ToUtc(at) > NowUtc.AddMinutes(5))
            errors["at"] = ["咨询时间不能晚于现在"];
        if (r.ReferralRef is { Length: > 64 } || r.ReferralSource is { Length: > 32 })
            errors["referralRef"] = ["转介编号过长"];
        var unitId = 0;
        try
        {
            unitId = await UnitIdAsync(r.OrgCode, ct);
        }
        catch (FazhiValidationException e)
        {
            foreach (var kv in e.Errors)
                errors[kv.Key] = kv.Value;
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var atUtc = r.At is { } t ? AidService.ToUtc(t) : NowUtc;
        var c = new AidConsultation
        {
            OrgUnitId = unitId,
            AtUtc = atUtc,
            On = DateOnly.FromDateTime(ChinaTime.ToChina(atUtc)),
            Mode = mode!.Value,
            Name = r.Name!.Trim(),
            Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(),
            CaseType = type,
            Question = r.Question!.Trim(),
            Answer = string.IsNullOrWhiteSpace(r.Answer) ? null : r.Answer.Trim(),
            Handler = db.Actor.UserName,
            ReferralSource = string.IsNullOrWhiteSpace(r.ReferralSource) ? null : r.ReferralSource.Trim(),
            ReferralRef = string.IsNullOrWhiteSpace(r.ReferralRef) ? null : r.ReferralRef.Trim(),
        };
        db.AidConsultations().Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Page<ConsultationRow>> ConsultationsAsync(string? q, string? mode, DateOnly? from, DateOnly? to, int page, int size, CancellationToken ct)
    {
        var query = ConsultationQuery(q, mode, from, to);
        var total = await query.CountAsync(ct);
        var paging = Paging.Of(page, size);
        var rows = await query.OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Page<ConsultationRow>([.. rows.Select(ToRow)], total, paging.Number, paging.Size);
    }

    public async Task<List<ConsultationRow>> ConsultationExportAsync(string? q, string? mode, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        [.. (await ConsultationQuery(q, mode, from, to).OrderByDescending(c => c.AtUtc).Take(AidQueries.MaxExport).ToListAsync(ct)).Select(ToRow)];

    private IQueryable<AidConsultation> ConsultationQuery(string? q, string? mode, DateOnly? from, DateOnly? to)
    {
        var query = db.AidConsultations().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var k = q.Trim();
            var index = db.Fields.IndexOf(k);
            query = query.Where(c => c.Name.Contains(k) || c.Question.Contains(k)
                || EF.Property<string>(c, nameof(AidConsultation.Phone) + Kernel.Security.EncryptedAttribute.IndexSuffix) == index);
        }
        if (AidNames.Parse<ConsultationMode>(mode, AidNames.Of) is { } m)
            query = query.Where(c => c.Mode == m);
        if (from is { } f)
            query = query.Where(c => c.On >= f);
        if (to is { } t)
            query = query.Where(c => c.On <= t);
        return query;
    }

    public static ConsultationRow ToRow(AidConsultation c) => new(c.Id, ChinaTime.Format(c.AtUtc), AidNames.Of(c.Mode), c.Name, PersonalData.MaskPhone(c.Phone),
        c.CaseType is { } t ? AidNames.Of(t) : null, c.Question, c.Answer, c.Handler,
        c.ReferralRef is null ? null : $"{c.ReferralSource}：{c.ReferralRef}", c.CaseId);

    public async Task<AidConsultation> ConsultationAsync(long id, CancellationToken ct) =>
        await db.AidConsultations().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"咨询记录（编号{id}）不存在或不在您的数据权限范围内。");

    // ---- 名册 --------------------------------------------------------------------------------------------

    public async Task<List<ProviderRow>> ProvidersAsync(bool activeOnly, CancellationToken ct)
    {
        var year = DateOnly.FromDateTime(ChinaTime.Now(db.Clock)).Year;
        var providers = await db.AidProviders().AsNoTracking().Where(p => !activeOnly || p.Active).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        var load = await db.AidCases().AsNoTracking().Where(c => c.ProviderId != null && c.Status == AidStatus.Assigned)
            .GroupBy(c => c.ProviderId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.N, ct);
        var start = new DateOnly(year, 1, 1);
        var closed = await db.AidCases().AsNoTracking().Where(c => c.ProviderId != null && c.Status == AidStatus.Closed && c.ClosedOn >= start)
            .GroupBy(c => c.ProviderId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.N, ct);
        var stations = await db.AidWorkstations().AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return [.. providers.Select(p => new ProviderRow(p.Id, p.Name, AidNames.Of(p.Kind), p.Firm, p.PracticeYears, PersonalData.MaskPhone(p.Phone), p.DutyLawyer,
                p.WorkstationId is { } w ? stations.GetValueOrDefault(w) : null, load.GetValueOrDefault(p.Id), closed.GetValueOrDefault(p.Id)))
            .OrderBy(p => p.CurrentLoad).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    public async Task<AidProvider> AddProviderAsync(ProviderRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 100)
            errors["name"] = ["请填写姓名（不超过100个字符）"];
        var kind = AidNames.Parse<ProviderKind>(r.Kind, AidNames.Of);
        if (kind is null)
            errors["kind"] = ["人员类别应为律师、法律援助机构工作人员或基层法律服务工作者"];
        if (r.PracticeYears is < 0 or > 70)
            errors["practiceYears"] = ["执业年限应在0至70年之间"];
        if (!string.IsNullOrWhiteSpace(r.Phone) && !PersonalData.IsMobileOrLandline(r.Phone))
            errors["phone"] = ["电话号码格式不对"];
        if (r.WorkstationId is { } w && !await db.AidWorkstations().AnyAsync(x => x.Id == w, ct))
            errors["workstationId"] = ["工作站不存在或不在您的数据权限范围内"];
        if (r.DutyLawyer == true && kind != ProviderKind.Lawyer)
            errors["dutyLawyer"] = ["值班律师应为律师"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var p = new AidProvider
        {
            OrgUnitId = await UnitIdAsync(null, ct), Name = r.Name!.Trim(), Kind = kind!.Value, Firm = r.Firm?.Trim(), PracticeYears = r.PracticeYears ?? 0,
            Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(), DutyLawyer = r.DutyLawyer ?? false, WorkstationId = r.WorkstationId,
        };
        db.AidProviders().Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    public async Task<List<WorkstationRow>> WorkstationsAsync(CancellationToken ct)
    {
        var stations = await db.AidWorkstations().AsNoTracking().OrderBy(w => w.OpenedOn).ToListAsync(ct);
        var duty = await db.AidProviders().AsNoTracking().Where(p => p.DutyLawyer && p.Active && p.WorkstationId != null)
            .GroupBy(p => p.WorkstationId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.N, ct);
        var apps = await db.AidCases().AsNoTracking().Where(c => c.WorkstationId != null)
            .GroupBy(c => c.WorkstationId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.N, ct);
        return [.. stations.Select(w => new WorkstationRow(w.Id, w.Name, w.Host, w.Address, Kernel.Calendar.HolidayFile.Iso(w.OpenedOn), w.Active,
            duty.GetValueOrDefault(w.Id), apps.GetValueOrDefault(w.Id)))];
    }

    // ---- 办案补贴 ------------------------------------------------------------------------------------------

    public async Task<List<SubsidyStandardRow>> StandardsAsync(CancellationToken ct)
    {
        var unit = await UnitIdAsync(null, ct);
        return [.. (await db.AidSubsidyStandards().AsNoTracking().Where(s => s.OrgUnitId == unit).ToListAsync(ct))
            .OrderBy(s => s.CaseType).ThenBy(s => s.Stage, StringComparer.Ordinal).Select(s => new SubsidyStandardRow(AidNames.Of(s.CaseType), s.Stage, s.AmountFen / 100m))];
    }

    /// <summary>Replaces the unit's standard table with the given rows, all or nothing (each row checked, named by its line).</summary>
    public async Task<List<SubsidyStandardRow>> SaveStandardsAsync(IReadOnlyList<SubsidyStandardRow>? rows, CancellationToken ct)
    {
        if (rows is null || rows.Count == 0)
            throw FazhiValidationException.For("rows", "补贴标准至少一行");
        var errors = new Dictionary<string, string[]>();
        var parsed = new List<AidSubsidyStandard>();
        var unit = await UnitIdAsync(null, ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var key = $"rows[{i}]";
            var type = AidNames.Parse<AidCaseType>(r.CaseType, AidNames.Of);
            if (type is null)
                errors[key + ".caseType"] = [$"第{i + 1}行：案件类别“{r.CaseType}”应为民事、刑事、行政或非诉讼"];
            if (string.IsNullOrWhiteSpace(r.Stage) || r.Stage.Length > 32)
                errors[key + ".stage"] = [$"第{i + 1}行：请填写办案阶段（不超过32个字符）"];
            long fen = 0;
            try
            {
                fen = AidActions.Fen(r.Amount, key + ".amount", 100_000);
            }
            catch (FazhiValidationException e)
            {
                foreach (var kv in e.Errors)
                    errors[kv.Key] = [.. kv.Value.Select(m => $"第{i + 1}行：{m}")];
            }
            if (type is { } t && r.Stage is { } s && parsed.Any(p => p.CaseType == t && p.Stage == s.Trim()))
                errors[key + ".stage"] = [$"第{i + 1}行：{r.CaseType}“{s}”重复"];
            if (type is { } tt && !string.IsNullOrWhiteSpace(r.Stage))
                parsed.Add(new AidSubsidyStandard { OrgUnitId = unit, CaseType = tt, Stage = r.Stage.Trim(), AmountFen = fen });
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors, "补贴标准有误，未作任何修改");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AidSubsidyStandards().RemoveRange(await db.AidSubsidyStandards().Where(s => s.OrgUnitId == unit).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.AidSubsidyStandards().AddRange(parsed);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await StandardsAsync(ct);
    }

    /// <summary>补贴发放清单: the cases closed in the period with the subsidy each owes, and per provider.</summary>
    public async Task<SubsidyPayment> PaymentsAsync(Kernel.Metrics.Period period, CancellationToken ct)
    {
        var cases = await db.AidCases().AsNoTracking()
            .Where(c => c.Status == AidStatus.Closed && c.ClosedOn >= period.From && c.ClosedOn <= period.To)
            .OrderBy(c => c.ClosedOn).ThenBy(c => c.Id).ToListAsync(ct);
        var lines = cases.Select(c => new SubsidyLine(c.Id, c.Number, c.ApplicantName, AidNames.Of(c.CaseType), c.Stage, Kernel.Calendar.HolidayFile.Iso(c.ClosedOn!.Value),
            c.ProviderName ?? "—", c.SubsidyFen / 100m, c.SubsidyPaidOn is { } paid ? Kernel.Calendar.HolidayFile.Iso(paid) : null)).ToList();
        var byProvider = lines.GroupBy(l => l.Provider).Select(g => new SubsidyByProvider(g.Key, g.Count(), g.Sum(l => l.Amount)))
            .OrderByDescending(p => p.Amount).ToList();
        return new SubsidyPayment(period.FromIso, period.ToIso, lines, byProvider, lines.Sum(l => l.Amount));
    }

    /// <summary>发放: every unpaid closed case of the period is marked paid on the day given (all or nothing); a paid line never changes.</summary>
    public async Task<SubsidyPaidResult> MarkPaidAsync(SubsidyPaidRequest r, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        if (r.From is null || r.To is null)
            throw FazhiValidationException.For("from", "请填写发放清单的起止日期");
        var period = Kernel.Metrics.Period.Parse(r.From, r.To);
        if (r.PaidOn is not { } paidOn)
            throw FazhiValidationException.For("paidOn", "请填写发放日期");
        if (paidOn > today)
            throw FazhiValidationException.For("paidOn", "发放日期不能晚于今天");
        if (paidOn < period.From)
            throw FazhiValidationException.For("paidOn", $"发放日期不能早于清单起始日期（{period.FromIso}）");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unpaid = await db.AidCases()
            .Where(c => c.Status == AidStatus.Closed && c.ClosedOn >= period.From && c.ClosedOn <= period.To && c.SubsidyPaidOn == null).ToListAsync(ct);
        if (unpaid.Count == 0)
            throw new ConflictException($"{period.FromIso}至{period.ToIso}的办案补贴清单没有待发放的案件（已全部发放或没有结案案件）。");
        foreach (var c in unpaid)
            c.MarkSubsidyPaid(paidOn);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SubsidyPaidResult(unpaid.Count, unpaid.Sum(c => c.SubsidyFen) / 100m, Kernel.Calendar.HolidayFile.Iso(paidOn));
    }

    public static async Task<byte[]> PaymentsXlsxAsync(SubsidyPayment p, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            ["补贴明细"] = p.Lines.Select(l => new Dictionary<string, object?>
            {
                ["编号"] = l.Number, ["受援人"] = l.ApplicantName, ["案件类别"] = l.CaseType, ["办结阶段"] = l.Stage, ["结案日期"] = l.ClosedOn,
                ["承办人员"] = l.Provider, ["补贴金额（元）"] = l.Amount, ["发放日期"] = l.PaidOn,
            }),
            ["按承办人员汇总"] = p.ByProvider.Select(b => new Dictionary<string, object?> { ["承办人员"] = b.Provider, ["案件数"] = b.Cases, ["补贴金额（元）"] = b.Amount }),
        };
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    public int MaxAmountYuan => (int)Math.Min(int.MaxValue, options.Value.MaxAmountYuan);
}
