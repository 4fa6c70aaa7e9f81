using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features.Actions;
using Fazhi.Web.Modules.LegalAid.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>收到申请 (窗口、工作站、网上、电话) or 收到通知 (公检法通知辩护/代理).</summary>
public sealed record AidIntakeRequest(
    string? ApplicantName, string? ApplicantIdNumber, string? ApplicantPhone, string? ApplicantAddress, string? Matter,
    string? CaseType, string? Stage, string? Channel, long? WorkstationId, string? Eligibility, string? EligibilityCategory,
    string? Green, string? NoticeAuthority, string? NoticeNumber, DateTime? ReceivedAt, long? ConsultationId = null, string? OrgCode = null,
    bool? SeriousCharge = null);

/// <summary>The handlers of the legal-aid lifecycle, shared by the API and the pages.</summary>
public sealed class AidService(FazhiDb db, CalendarService calendar, TimerSync timers, IOptions<AidRulesOptions> options, DeadlinePolicy deadlinePolicy) : IAidLookups
{
    public const string Module = "legalaid";

    public AidRulesOptions Rules => options.Value;

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    /// <summary>Times without an offset are Beijing time (what staff type).</summary>
    public static DateTime ToUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t - ChinaTime.Offset, DateTimeKind.Utc),
    };

    public async Task<AidCase> IntakeAsync(AidIntakeRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Err(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(r.ApplicantName) || r.ApplicantName.Trim().Length > 100)
            Err("applicantName", "请填写申请人姓名（不超过100个字符）");
        if (!string.IsNullOrWhiteSpace(r.ApplicantIdNumber) && IdentityNumber.Validate(r.ApplicantIdNumber) is { } idProblem)
            Err("applicantIdNumber", idProblem);
        if (!string.IsNullOrWhiteSpace(r.ApplicantPhone) && !PersonalData.IsMobileOrLandline(r.ApplicantPhone))
            Err("applicantPhone", "电话号码格式不对");
        if (r.ApplicantAddress is { Length: > 200 })
            Err("applicantAddress", "住址不能超过200个字符");
        if (string.IsNullOrWhiteSpace(r.Matter) || r.Matter.Length > 500)
            Err("matter", "请填写申请事项（不超过500个字符）");
        var type = AidNames.Parse<AidCaseType>(r.CaseType, AidNames.Of);
        if (type is null)
            Err("caseType", "案件类别应为民事、刑事、行政或非诉讼");
        var channel = AidNames.Parse<AidChannel>(r.Channel, AidNames.Of);
        if (channel is null)
            Err("channel", "申请渠道应为窗口、工作站、网上、电话或公检法通知");
        var basis = channel == AidChannel.Notice ? EligibilityBasis.Notice : AidNames.Parse<EligibilityBasis>(r.Eligibility, AidNames.Of);
        var category = string.IsNullOrWhiteSpace(r.EligibilityCategory) ? null : r.EligibilityCategory.Trim();
        switch (basis)
        {
            case null:
                Err("eligibility", "请选择经济困难审查、免予核查（第四十二条）或不受经济困难条件限制（第三十二条）");
                break;
            case EligibilityBasis.Exempt when category is null || !Eligibility.ExemptCategories.Contains(category):
                Err("eligibilityCategory", "免予核查经济困难须属于第四十二条的人员：" + string.Join("；", Eligibility.ExemptCategories));
                break;
            case EligibilityBasis.NoCondition when category is null || !Eligibility.NoConditionCategories.Contains(category):
                Err("eligibilityCategory", "不受经济困难条件限制须属于第三十二条的情形：" + string.Join("；", Eligibility.NoConditionCategories));
                break;
            case EligibilityBasis.Notice when string.IsNullOrWhiteSpace(r.NoticeAuthority):
                Err("noticeAuthority", "请填写发出通知的人民法院、人民检察院或公安机关（第三十六条）");
                break;
        }
        if (category is { Length: > 100 })
            Err("eligibilityCategory", "不能超过100个字符");
        GreenKind? green = null;
        if (!string.IsNullOrWhiteSpace(r.Green))
        {
            green = AidNames.Parse<GreenKind>(r.Green, AidNames.Of);
            if (green is null)
                Err("green", "绿色通道应为农民工讨薪或低保户");
            else if (basis is { } b && !Eligibility.GreenChannelFits(green.Value, b, category))
                Err("green", green == GreenKind.MigrantWages
                    ? "农民工讨薪走绿色通道，须记录为免予核查：“申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员”（第四十二条第三项）"
                    : "低保户走绿色通道，须记录为免予核查：“社会救助、司法救助或者优抚对象”（第四十二条第二项）");
        }
        if (r.ReceivedAt is null)
            Err("receivedAt", "请填写收到申请的时间");
        else if (ToUtc(r.ReceivedAt.Value) > NowUtc.AddMinutes(5))
            Err("receivedAt", "收到申请的时间不能晚于现在");
        if (r.SeriousCharge == true && type is not null && type != AidCaseType.Criminal)
            Err("seriousCharge", "“可能被判处无期徒刑、死刑或死刑复核案件”只适用于刑事法律援助（法律援助法第二十六条）");
        if (r.Stage is { Length: > 32 })
            Err("stage", "办案阶段不能超过32个字符");
        var unit = await ResolveUnitAsync(r.OrgCode, errors, ct);
        AidWorkstation? station = null;
        if (r.WorkstationId is { } wid && (station = await db.AidWorkstations().FirstOrDefaultAsync(w => w.Id == wid, ct)) is null)
            Err("workstationId", "工作站不存在或不在您的数据权限范围内");
        if (channel == AidChannel.Workstation && r.WorkstationId is null)
            Err("workstationId", "经工作站申请的，请选择工作站");
        AidConsultation? consultation = null;
        if (r.ConsultationId is { } cid && (consultation = await db.AidConsultations().FirstOrDefaultAsync(c => c.Id == cid, ct)) is null)
            Err("consultationId", "咨询记录不存在或不在您的数据权限范围内");
        else if (consultation?.CaseId is not null)
            Err("consultationId", "该咨询已转为申请");
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        var receivedUtc = ToUtc(r.ReceivedAt!.Value);
        var receivedOn = DateOnly.FromDateTime(ChinaTime.ToChina(receivedUtc));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = new AidCase
        {
            OrgUnitId = unit!.Id,
            Number = FormatNumber(options.Value.NumberPattern, ShortName(unit), receivedOn.Year, await NextAsync(unit.Id, receivedOn.Year, "case", ct)),
            Year = receivedOn.Year,
            ApplicantName = r.ApplicantName!.Trim(),
            ApplicantIdNumber = string.IsNullOrWhiteSpace(r.ApplicantIdNumber) ? null : r.ApplicantIdNumber.Trim().ToUpperInvariant(),
            ApplicantPhone = string.IsNullOrWhiteSpace(r.ApplicantPhone) ? null : r.ApplicantPhone.Trim(),
            ApplicantAddress = string.IsNullOrWhiteSpace(r.ApplicantAddress) ? null : r.ApplicantAddress.Trim(),
            Matter = r.Matter!.Trim(),
            CaseType = type!.Value,
            Stage = string.IsNullOrWhiteSpace(r.Stage) ? null : r.Stage.Trim(),
            Channel = channel!.Value,
            WorkstationId = station?.Id,
            Eligibility = basis!.Value,
            EligibilityCategory = category,
            Green = green,
            SeriousCharge = r.SeriousCharge == true,
            NoticeAuthority = string.IsNullOrWhiteSpace(r.NoticeAuthority) ? null : r.NoticeAuthority.Trim(),
            NoticeNumber = string.IsNullOrWhiteSpace(r.NoticeNumber) ? null : r.NoticeNumber.Trim(),
            ReceivedAtUtc = receivedUtc,
            ReceivedOn = receivedOn,
            Status = channel == AidChannel.Notice ? AidStatus.Granted : AidStatus.Reviewing,
            DecidedOn = channel == AidChannel.Notice ? receivedOn : null,
            ConsultationId = consultation?.Id,
            ReferralSource = consultation?.ReferralSource,
            ReferralRef = consultation?.ReferralRef,
        };
        c.Events.Add(new AidEvent
        {
            Action = AidAction.Receive, On = receivedOn, AtUtc = NowUtc, Actor = db.Actor.UserName,
            Note = channel == AidChannel.Notice ? $"收到{c.NoticeAuthority}通知（{c.NoticeNumber}），应在{options.Value.NoticeAssignDays}日内指派律师" :
                $"收到申请（{AidNames.Of(c.Channel)}{(green is { } g ? "，绿色通道：" + AidNames.Of(g) : "")}）",
        });
        db.AidCases().Add(c);
        await db.SaveChangesAsync(ct);
        if (consultation is not null)
            consultation.CaseId = c.Id;
        await SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    private async Task<OrgUnit?> ResolveUnitAsync(string? orgCode, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(orgCode))
        {
            if (db.Actor.OrgUnitId is not { } own)
            {
                errors["orgCode"] = ["请指定法律援助机构所在单位"];
                return null;
            }
            return await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == own, ct);
        }
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode, ct);
        if (unit is null)
            errors["orgCode"] = [$"机构“{orgCode}”不存在或不在您的数据权限范围内"];
        return unit;
    }

    /// <summary>The next number of a series for a unit and year; the counter's version makes concurrent writers collide.</summary>
    public async Task<int> NextAsync(int orgUnitId, int year, string series, CancellationToken ct)
    {
        var counter = await db.AidCounters().FirstOrDefaultAsync(c => c.OrgUnitId == orgUnitId && c.Year == year && c.Series == series, ct);
        if (counter is null)
        {
            counter = new AidCounter { OrgUnitId = orgUnitId, Year = year, Series = series };
            db.AidCounters().Add(counter);
        }
        counter.Last++;
        counter.Version++;
        return counter.Last;
    }

    public static string FormatNumber(string pattern, string prefix, int year, int seq) => pattern
        .Replace("{prefix}", prefix, StringComparison.Ordinal)
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{seq}", seq.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>环翠区司法局 → 环翠.</summary>
    public static string ShortName(OrgUnit unit)
    {
        var name = unit.Name;
        foreach (var suffix in new[] { "司法局", "公共法律服务中心", "人民政府" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        return name.Length > 2 && (name.EndsWith('区') || name.EndsWith('市') || name.EndsWith('县')) ? name[..^1] : name;
    }

    public async Task<AidCase> GetAsync(long id, CancellationToken ct) =>
        await db.AidCases().Include(c => c.Events.OrderBy(e => e.On).ThenBy(e => e.AtUtc)).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"法律援助案件（编号{id}）不存在或不在您的数据权限范围内。");

    public IReadOnlyList<DeadlineSpec> Deadlines(AidCase c) => AidDeadlines.Compute(c, calendar.Current, options.Value);

    public DeadlineState StateOf(DeadlineSpec d) => deadlinePolicy.StateOf(d.DueOn, Today);

    /// <summary>Applies one action through its handler, then re-derives the timers, in one transaction.</summary>
    public async Task<AidCase> ActAsync(long id, AidAction action, AidActionRequest r, CancellationToken ct)
    {
        var handler = AidActions.Find(action) ?? throw new ConflictException($"不支持的操作“{AidStateMachine.NameOf(action)}”。");
        var c = await GetAsync(id, ct);
        var on = r.On ?? Today;
        if (on > Today)
            throw FazhiValidationException.For("on", "日期不能晚于今天。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await handler.ApplyAsync(c, r, new AidActionContext(on, NowUtc, db.Actor.UserName, options.Value, this), ct);
        await SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    public async Task<AidProvider> ProviderAsync(long? id, CancellationToken ct)
    {
        if (id is null)
            throw FazhiValidationException.For("providerId", "请从名册中选择承办人员");
        var p = await db.AidProviders().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is not { Active: true })
            throw FazhiValidationException.For("providerId", "承办人员不在本机构的在册名单中");
        return p;
    }

    public async Task<long> SubsidyFenAsync(int orgUnitId, AidCaseType type, string? stage, CancellationToken ct)
    {
        var rows = await db.AidSubsidyStandards().AsNoTracking().Where(s => s.OrgUnitId == orgUnitId && s.CaseType == type).ToListAsync(ct);
        return (rows.FirstOrDefault(s => s.Stage == stage) ?? rows.FirstOrDefault(s => s.Stage == "全程"))?.AmountFen ?? 0;
    }

    public Task SyncTimersAsync(AidCase c, CancellationToken ct) => timers.SyncAsync(Module, c.Id, c.OrgUnitId, Deadlines(c), ct);
}
