using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Fazhi.Web.Modules.Reconsideration.Rules;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Reconsideration.Features;

/// <summary>收到申请: what the window, the post or the website brings in.</summary>
public sealed record IntakeRequest(
    string? ApplicantName, string? ApplicantKind, string? ApplicantIdNumber, string? ApplicantPhone, string? AgentName,
    string? RespondentCode, string? Matter, DateOnly? ActDate, DateOnly? LearnedOn, string? Channel, DateTime? ReceivedAt,
    string? OrgCode = null,
    // ---- recon-rules (issue 15 §1, §2) ----
    bool? RealProperty = null, bool? NotToldOfRight = null, DateOnly? RightLearnedOn = null,
    string? ActName = null, string? ActDocumentNumber = null, string? ActAgency = null,
    string? SubmissionToken = null, bool? AcknowledgeDuplicate = null);

/// <summary>One action on a case; each action reads the fields it needs.</summary>
public sealed record ActionRequest(
    DateOnly? On = null, string? Procedure = null, string? SimplifiedGround = null, string? Reason = null, string? Note = null,
    string? DecisionType = null, string? TerminationReason = null, int? Days = null, string? ApprovedBy = null,
    string? Mode = null, DateOnly? HearingOn = null, DateOnly? ReceivedOn = null, DateTime? At = null, string? Assignee = null,
    // ---- recon-rules (issue 15 §1, §2) ----
    string? DecisionMode = null, string? DecidedBy = null, string? OverrideReason = null, int? PeriodDays = null, string? CompetentBody = null,
    string? Field = null, string? Value = null, string? PartyRole = null, string? PartyName = null, string? PartyIdNumber = null,
    string? PartyPhone = null, string? Authorisation = null, string? ActsFor = null, string? Article39Item = null,
    // ---- recon-more (issue 15 §3, §4): 决定主文, 行政复议委员会 ----
    string? Gist = null, string? ConsultationGround = null, string? Opinions = null, string? Conclusion = null);

/// <summary>The handlers of the 行政复议 case lifecycle, shared by the API and the pages.</summary>
public sealed class ReconCaseService(FazhiDb db, CalendarService calendar, TimerSync timers, IOptions<ReconRulesOptions> options, DeadlinePolicy deadlinePolicy)
{
    public const string Module = "recon";

    private sealed class IntakeRules : AbstractValidator<IntakeRequest>
    {
        public IntakeRules(DateTime nowUtc)
        {
            RuleFor(r => r.ApplicantName).PlainName("申请人", 100);
            RuleFor(r => r.ApplicantKind).Must(k => k is null || ReconNames.Parse<ApplicantKind>(k, KindName) is not null)
                .WithMessage("申请人类型应为“自然人”或“法人或其他组织”");
            RuleFor(r => r.ApplicantIdNumber).Custom((id, ctx) =>
            {
                if (string.IsNullOrWhiteSpace(id))
                    return;
                var isOrg = ReconNames.Parse<ApplicantKind>(ctx.InstanceToValidate.ApplicantKind, KindName) == Domain.ApplicantKind.Organisation;
                var problem = isOrg ? UnifiedSocialCreditCode.Validate(id) : IdentityNumber.Validate(id);
                if (problem is not null)
                    ctx.AddFailure(problem);
            });
            RuleFor(r => r.ApplicantPhone).Must(p => string.IsNullOrEmpty(p) || PersonalData.IsMobileOrLandline(p)).WithMessage("电话号码格式不对");
            RuleFor(r => r.AgentName).MaximumLength(100).WithMessage("代理人不能超过100个字符");
            RuleFor(r => r.RespondentCode).NotEmpty().WithMessage("请选择被申请人");
            RuleFor(r => r.Matter).NotEmpty().WithMessage("请填写申请事项").MaximumLength(500).WithMessage("申请事项不能超过500个字符");
            RuleFor(r => r.Channel).Must(c => ReconNames.Parse<ApplicationChannel>(c, ReconNames.Of) is not null)
                .WithMessage("收件渠道应为窗口、邮寄、网上或转送");
            RuleFor(r => r.ReceivedAt).NotNull().WithMessage("请填写收到申请的时间")
                .Must(t => t is null || ToUtc(t.Value) <= nowUtc.AddMinutes(5)).WithMessage("收到申请的时间不能晚于现在");
            RuleFor(r => r.ActDate).Must((r, d) => d is null || r.ReceivedAt is null || d <= BeijingDate(r.ReceivedAt.Value))
                .WithMessage("行政行为作出日期不能晚于收到申请之日");
            RuleFor(r => r.LearnedOn).Must((r, d) => d is null || r.ActDate is null || d >= r.ActDate).WithMessage("知道行政行为之日不能早于其作出之日")
                .Must((r, d) => d is null || r.ReceivedAt is null || d <= BeijingDate(r.ReceivedAt.Value)).WithMessage("知道行政行为之日不能晚于收到申请之日");
        }
    }

    public static string KindName(ApplicantKind k) => k == Domain.ApplicantKind.Person ? "自然人" : "法人或其他组织";

    /// <summary>Times without an offset are Beijing time (what staff type); times with one are converted.</summary>
    public static DateTime ToUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t - ChinaTime.Offset, DateTimeKind.Utc),
    };

    private static DateOnly BeijingDate(DateTime t) => DateOnly.FromDateTime(ChinaTime.ToChina(ToUtc(t)));

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    public async Task<ReconCase> IntakeAsync(IntakeRequest r, CancellationToken ct, Action<ReconCase>? beforeCommit = null)
    {
        // 双重提交: the same form posted twice answers with the case the first post registered.
        if (await IntakeGuard.ExistingAsync(db, r.SubmissionToken, ct) is { } already)
            return await GetAsync(already, ct);
        var errors = new IntakeRules(NowUtc).ErrorsOf(r);
        IntakeGuard.Validate(r, errors);
        var unit = await ResolveOwnerUnitAsync(r.OrgCode, errors, ct);
        OrgUnit? respondent = null;
        if (!string.IsNullOrEmpty(r.RespondentCode))
        {
            respondent = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == r.RespondentCode, ct);
            if (respondent is null || respondent.Kind.IsRegion())
                errors["respondentCode"] = [$"被申请人“{r.RespondentCode}”不是本级或下级的行政机关"];
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        var receivedUtc = ToUtc(r.ReceivedAt!.Value);
        var receivedOn = DateOnly.FromDateTime(ChinaTime.ToChina(receivedUtc));
        if (r.AcknowledgeDuplicate != true && await IntakeGuard.DuplicateAsync(db, r, respondent!.Id, receivedOn, ct) is { } duplicate)
            throw FazhiValidationException.For("acknowledgeDuplicate",
                $"30日内已登记同一申请人对同一被申请人、同一行政行为的申请：{duplicate}。如确属新的申请，请勾选“确认不是重复申请”后再提交；如是重复登记，请勿提交。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = new ReconCase
        {
            OrgUnitId = unit!.Id,
            CaseNumber = await NextCaseNumberAsync(unit, receivedOn.Year, ct),
            Year = receivedOn.Year,
            ApplicantKind = ReconNames.Parse<ApplicantKind>(r.ApplicantKind, KindName) ?? Domain.ApplicantKind.Person,
            ApplicantName = r.ApplicantName!,
            ApplicantIdNumber = string.IsNullOrWhiteSpace(r.ApplicantIdNumber) ? null : r.ApplicantIdNumber.ToUpperInvariant(),
            ApplicantPhone = string.IsNullOrWhiteSpace(r.ApplicantPhone) ? null : r.ApplicantPhone,
            AgentName = string.IsNullOrWhiteSpace(r.AgentName) ? null : r.AgentName,
            RespondentOrgUnitId = respondent!.Id,
            RespondentName = respondent.Name,
            Matter = r.Matter!,
            ActDate = r.ActDate,
            LearnedOn = r.LearnedOn,
            Channel = ReconNames.Parse<ApplicationChannel>(r.Channel, ReconNames.Of)!.Value,
            ReceivedAtUtc = receivedUtc,
            ReceivedOn = receivedOn,
            Status = CaseStatus.Reviewing,
        };
        IntakeGuard.Fill(c, r, QuickContactDue(receivedUtc));
        c.Events.Add(new CaseEvent { Action = CaseAction.Receive, On = receivedOn, AtUtc = NowUtc, Actor = db.Actor.UserName, Note = $"收到申请（{ReconNames.Of(c.Channel)}）" });
        db.ReconCases().Add(c);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (r.SubmissionToken is { Length: > 0 })
        {
            // Two posts of one form at once: the unique token lets one win; the other answers with its case.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await IntakeGuard.ExistingAsync(db, r.SubmissionToken, ct) is { } winner)
                return await GetAsync(winner, ct);
            throw;
        }
        await SyncTimersAsync(c, ct);
        beforeCommit?.Invoke(c); // 网上申请: its 查询码 row, in the same transaction (Features/Public)
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    private async Task<OrgUnit?> ResolveOwnerUnitAsync(string? orgCode, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(orgCode))
        {
            var own = db.Actor.OrgUnitId;
            if (own is null)
            {
                errors["orgCode"] = ["请指定受理案件的复议机构"];
                return null;
            }
            return await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == own, ct);
        }
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode, ct);
        if (unit is null)
            errors["orgCode"] = [$"机构“{orgCode}”不存在或不在您的数据权限范围内"];
        return unit;
    }

    /// <summary>Allots the next number for the unit and year; the counter row's version makes two concurrent intakes
    /// collide (one retries) instead of sharing a number.</summary>
    private async Task<string> NextCaseNumberAsync(OrgUnit unit, int year, CancellationToken ct)
    {
        var counter = await db.CaseNumberCounters().FirstOrDefaultAsync(c => c.OrgUnitId == unit.Id && c.Year == year, ct);
        if (counter is null)
        {
            counter = new CaseNumberCounter { OrgUnitId = unit.Id, Year = year };
            db.CaseNumberCounters().Add(counter);
        }
        string number;
        do
        {
            counter.Last++;
            number = FormatCaseNumber(options.Value.CaseNumberPattern, ShortName(unit), year, counter.Last);
        }
        while (await db.ReconCases().ForUniquenessCheck().AnyAsync(c => c.CaseNumber == number, ct)); // skip numbers an import already used
        counter.Version++;
        return number;
    }

    public static string FormatCaseNumber(string pattern, string prefix, int year, int seq) => pattern
        .Replace("{prefix}", prefix, StringComparison.Ordinal)
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{seq}", seq.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>环翠区司法局 → 环翠; 荣成市司法局 → 荣成.</summary>
    public static string ShortName(OrgUnit unit)
    {
        var name = unit.Name;
        foreach (var suffix in new[] { "司法局", "司法厅", "人民政府" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        return name.Length > 2 && (name.EndsWith('区') || name.EndsWith('市') || name.EndsWith('县')) ? name[..^1] : name;
    }

    public async Task<ReconCase> GetAsync(long id, CancellationToken ct) =>
        await db.ReconCases().Include(c => c.Suspensions).Include(c => c.Parties).Include(c => c.Consultations).ThenInclude(x => x.Opinions).Include(c => c.Events.OrderBy(e => e.On).ThenBy(e => e.AtUtc))
            .FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"案件（编号{id}）不存在或不在您的数据权限范围内。");

    public ApplicationPeriod.Result? ApplicationPeriodOf(ReconCase c) => ApplicationLimits.Check(c, calendar.Current);

    /// <summary>1小时速联快调 counted in office hours (Reconsideration:OfficeOpens/OfficeCloses).</summary>
    public DateTime QuickContactDue(DateTime receivedUtc) =>
        QuickContact.DueUtc(receivedUtc, calendar.Current, options.Value.OfficeOpensAt, options.Value.OfficeClosesAt);

    public IReadOnlyList<DeadlineSpec> Deadlines(ReconCase c) => ReconDeadlines.Compute(c, calendar.Current, options.Value, Today);

    /// <summary>正常 / 即将到期 / 已逾期 of an open deadline today, by the platform's one rule.</summary>
    public DeadlineState StateOf(DeadlineSpec d) => deadlinePolicy.StateOf(d.DueOn, Today);

    /// <summary>Applies one action through its handler (<see cref="CaseActions"/>), which calls the aggregate (which
    /// enforces the state machine), then re-derives the case's timers, in one transaction.</summary>
    public async Task<ReconCase> ActAsync(long id, CaseAction action, ActionRequest r, CancellationToken ct, string? approvedBy = null)
    {
        var handler = CaseActions.Find(action);
        if ((options.Value.ApprovalRequired || options.Value.DecisionApprovalRequired && action == CaseAction.Decide) && approvedBy is null && handler is IApprovableAction)
            throw new ConflictException($"“{CaseStateMachine.NameOf(action)}”须经呈报审批，请使用“呈报审批”。");
        var c = await GetAsync(id, ct);
        var on = r.On ?? Today;
        if (on > Today)
            throw FazhiValidationException.For("on", "日期不能晚于今天。");
        if (handler is null)
            throw new ConflictException($"不支持的操作“{CaseStateMachine.NameOf(action)}”。");
        var roster = action == CaseAction.RecordConsultation ? await Committee.CommitteeRoster.NamesAsync(db, c.OrgUnitId, ct) : null;
        handler.Apply(c, r, new ActionContext(on, NowUtc, db.Actor.UserName, calendar.Current, options.Value, roster));
        if (approvedBy is not null)
            c.Events[^1].Note += $"（经{approvedBy}审批）";
        // Joins the caller's transaction when there is one (an approval commits its decision and the action together).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return c;
    }

    /// <summary>批量分配/改派: every listed case gets the assignee (or none), in one transaction; any case out of scope or
    /// unknown refuses the whole batch.</summary>
    public async Task<int> AssignManyAsync(IReadOnlyList<long> ids, string? assignee, CancellationToken ct)
    {
        if (ids.Count is 0 or > 500)
            throw FazhiValidationException.For("ids", "请选择1至500件案件");
        var name = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (name is not null && !await db.VisibleUsers().AnyAsync(u => u.UserName == name && u.IsActive, ct))
            throw FazhiValidationException.For("assignee", $"承办人“{name}”不存在或不在您的机构范围内");
        var distinct = ids.Distinct().ToList();
        var found = await db.ReconCases().Where(c => distinct.Contains(c.Id)).ToListAsync(ct);
        if (found.Count != distinct.Count)
            throw new NotFoundException("部分案件不存在或不在您的数据权限范围内，未做任何分配。");
        var now = NowUtc;
        foreach (var c in found)
            c.Assign(name, db.Actor.UserName, now);
        await db.SaveChangesAsync(ct);
        return found.Count;
    }

    public Task SyncTimersAsync(ReconCase c, CancellationToken ct) =>
        timers.SyncAsync(Module, c.Id, c.OrgUnitId, Deadlines(c), ct);
}
