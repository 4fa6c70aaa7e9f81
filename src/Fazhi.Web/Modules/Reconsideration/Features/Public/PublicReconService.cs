using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features.Public;

/// <summary>A 复议机关 the public may apply to: the district (its code names it in URLs) and its 司法局.</summary>
public sealed record ReviewBodyDto(string Region, string Name, string Bureau);

/// <summary>A 被申请人 the public form offers: an agency of the district.</summary>
public sealed record RespondentChoice(string Code, string Name);

/// <summary>网上申请: what the applicant fills in. The 复议机关 is chosen by its district code; the channel is 网上 and the
/// time received is the server's.</summary>
public sealed record OnlineApplicationRequest(
    string? Region, string? ApplicantName, string? ApplicantKind, string? ApplicantIdNumber, string? ApplicantPhone, string? AgentName,
    string? RespondentCode, string? Matter, string? ActName, string? ActDocumentNumber, DateOnly? ActDate, DateOnly? LearnedOn,
    bool? NotToldOfRight = null, DateOnly? RightLearnedOn = null, bool? RealProperty = null,
    string? SubmissionToken = null, bool? AcknowledgeDuplicate = null);

/// <summary>The confirmation: the 案号 and the 查询码 (shown once; a repeated post of the same form shows them again).</summary>
public sealed record OnlineApplicationReceipt(string CaseNumber, string QueryCode, string Organ, string ReceivedAt, string ReviewDue);

public sealed record ProgressRequest(string? CaseNumber, string? Code);

/// <summary>进度查询: the stage and the dates the applicant may know, nothing else (no names, no staff, no reasons).</summary>
public sealed record ProgressDto(string CaseNumber, string Organ, string ReceivedOn, string Stage, string? AcceptedOn, string? DecisionDue, string? ClosedOn);

/// <summary>A published 决定书 (第七十九条), personal data already redacted when it was published.</summary>
public sealed record PublicDecisionDto(string CaseNumber, string Organ, string PublishedOn, string Text);

/// <summary>
/// The applicant's side of 行政复议 (issue 15 §6, §3): 网上申请 through a public form, which registers an ordinary case in
/// 审查 (渠道 网上) for the chosen 复议机关 with the same checks, encryption, one-time token and duplicate warning as the
/// clerk's intake; the progress query by 案号 and 查询码; and the published decisions of a district (第七十九条第一款).
/// <para>Legal basis: 行政复议法（2023）第二十二条第一款（申请人申请行政复议，可以书面申请；书面申请有困难的，也可以口头申请）
/// and 第二款（书面申请的，可以通过邮寄或者行政复议机关指定的互联网渠道等方式提交行政复议申请书）; 第三十条 (5 working days to
/// review); 第七十九条第一款 (行政复议机关根据被申请行政复议的行政行为的公开情况，按照国家有关规定将行政复议决定书向社会公开).</para>
/// </summary>
public sealed class PublicReconService(FazhiDb db, ReconCaseService cases, IHttpContextAccessor http)
{
    /// <summary>Who registered an online application, as the case history and the audit log name them.</summary>
    public const string OnlineActor = "网上申请";

    public const string WrongCodeMessage = "案号或查询码不正确。请核对受理回执上的案号和查询码。";

    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>The districts whose 司法局 acts as 行政复议机构 (the bureau holds the cases).</summary>
    public async Task<List<ReviewBodyDto>> ReviewBodiesAsync(CancellationToken ct)
    {
        var bureaus = await db.Orgs.UnderAsync("", ct, OrgKind.JusticeBureau);
        var parents = await db.Orgs.ByIdsAsync(bureaus.Where(b => b.ParentId is not null).Select(b => b.ParentId!.Value), ct);
        return [.. bureaus.Where(b => b.IsActive && b.ParentId is { } p && parents.TryGetValue(p, out var r) && r.Kind == OrgKind.District)
            .Select(b => parents[b.ParentId!.Value]).Select(r => new ReviewBodyDto(r.Code, r.GovernmentName, r.Name + "司法局"))];
    }

    /// <summary>Every 复议机关 with the agencies an applicant may name before it, as <see cref="RespondentsAsync"/> gives
    /// them for one district: the agencies of all the districts in one query.</summary>
    public async Task<List<(ReviewBodyDto Body, List<RespondentChoice> Respondents)>> ReviewBodiesWithRespondentsAsync(CancellationToken ct)
    {
        var bodies = await ReviewBodiesAsync(ct);
        var districts = new Dictionary<string, OrgEntry>(StringComparer.Ordinal);
        foreach (var b in bodies)
            if (await DistrictAsync(b.Region, ct) is { } d) // read by ReviewBodiesAsync already: no query
                districts[b.Region] = d;
        var agencies = (await db.Orgs.ChildrenOfAsync(districts.Values.Select(d => d.Id), ct, OrgKind.EnforcementDepartment, OrgKind.JusticeBureau))
            .Where(u => u.IsActive).ToLookup(u => u.ParentId);
        return [.. bodies.Select(b => (b, districts.TryGetValue(b.Region, out var d)
            ? agencies[d.Id].Select(u => new RespondentChoice(u.Code, u.Name)).ToList()
            : new List<RespondentChoice>()))];
    }

    /// <summary>The agencies of the district (its departments) an applicant may name as 被申请人.</summary>
    public async Task<List<RespondentChoice>> RespondentsAsync(string? region, CancellationToken ct)
    {
        if (await DistrictAsync(region, ct) is not { } district)
            return [];
        var units = await db.Orgs.UnderAsync(district.Path, ct, OrgKind.EnforcementDepartment, OrgKind.JusticeBureau);
        return [.. units.Where(u => u.IsActive && u.ParentId == district.Id).Select(u => new RespondentChoice(u.Code, u.Name))];
    }

    /// <summary>网上申请: registers the case as the 复议机构 would at its window (numbering, 审查 period, 速联 time, timers),
    /// on behalf of the applicant. The respondent must be one of the district's agencies.</summary>
    public async Task<OnlineApplicationReceipt> ApplyAsync(OnlineApplicationRequest r, CancellationToken ct)
    {
        var district = await DistrictAsync(r.Region, ct) ?? throw FazhiValidationException.For("region", "请选择行政复议机关");
        var bureau = (await db.Orgs.UnderAsync(district.Path, ct, OrgKind.JusticeBureau)).FirstOrDefault(b => b.ParentId == district.Id && b.IsActive)
            ?? throw FazhiValidationException.For("region", $"{district.GovernmentName}暂不受理网上申请");
        if (!string.IsNullOrWhiteSpace(r.RespondentCode) && !(await RespondentsAsync(r.Region, ct)).Any(x => string.Equals(x.Code, r.RespondentCode.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw FazhiValidationException.For("respondentCode", "请从列表中选择被申请人（本区的行政机关）");
        if (r.SubmissionToken is { Length: > 0 } t && (t.Length > 64 || !t.All(char.IsAsciiLetterOrDigit)))
            throw FazhiValidationException.For("submissionToken", "表单标识无效，请刷新页面后重新填写");

        var now = ChinaTime.Now(db.Clock);
        var intake = new IntakeRequest(r.ApplicantName?.Trim(), r.ApplicantKind ?? "自然人", r.ApplicantIdNumber?.Trim(), r.ApplicantPhone?.Trim(),
            string.IsNullOrWhiteSpace(r.AgentName) ? null : r.AgentName.Trim(), r.RespondentCode?.Trim().ToUpperInvariant(), r.Matter?.Trim(), r.ActDate, r.LearnedOn,
            "网上", new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified), bureau.Code,
            RealProperty: r.RealProperty, NotToldOfRight: r.NotToldOfRight, RightLearnedOn: r.RightLearnedOn,
            ActName: r.ActName, ActDocumentNumber: r.ActDocumentNumber, ActAgency: null,
            SubmissionToken: string.IsNullOrWhiteSpace(r.SubmissionToken) ? null : "web-" + r.SubmissionToken.Trim(), AcknowledgeDuplicate: r.AcknowledgeDuplicate);

        using var acting = ActAsReviewBody(bureau);
        var code = NewCode();
        // The 查询码 is written in the intake's own transaction: a case without its code is never left behind.
        var c = await cases.IntakeAsync(intake, ct, beforeCommit: created => db.Set<OnlineApplication>().Add(new OnlineApplication
        {
            CaseId = created.Id, OrgUnitId = created.OrgUnitId, QueryCode = code, SubmittedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        }));
        // A repeated post of the same form answers with the first case and its code.
        var online = await db.Set<OnlineApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == c.Id, ct)
            ?? throw new ConflictException("该表单已用于登记其他申请，请刷新页面后重新填写。");
        var review = cases.Deadlines(c).FirstOrDefault(d => d.Kind == ReconDeadlines.Review);
        return new OnlineApplicationReceipt(c.CaseNumber, online.QueryCode, district.GovernmentName, ChinaTime.Format(c.ReceivedAtUtc),
            review is null ? "" : HolidayFile.Iso(review.DueOn));
    }

    /// <summary>进度查询. An unknown 案号 and a wrong 查询码 answer alike (the same 404 and message), so the query tells
    /// nobody which numbers exist; only online applications have a code.</summary>
    public async Task<ProgressDto> ProgressAsync(ProgressRequest r, CancellationToken ct)
    {
        var number = (r.CaseNumber ?? "").Trim();
        var code = (r.Code ?? "").Trim().ToUpperInvariant();
        if (number.Length is 0 or > 64 || code.Length is 0 or > 16)
            throw new NotFoundException(WrongCodeMessage);
        // The public has no data scope: the case is found by its number and shown only if the code matches.
        var c = await db.ReconCases().ForSystemJob().AsNoTracking().Include(x => x.Suspensions).Include(x => x.Events)
            .FirstOrDefaultAsync(x => x.CaseNumber == number, ct);
        var stored = c is null ? null : await db.Set<OnlineApplication>().ForSystemJob().AsNoTracking().Where(a => a.CaseId == c.Id).Select(a => a.QueryCode).FirstOrDefaultAsync(ct);
        if (!SameCode(stored ?? "——————————", code) || c is null || stored is null || c.Status == CaseStatus.Voided)
            throw new NotFoundException(WrongCodeMessage);
        var organ = (await db.Orgs.FindAsync(c.OrgUnitId, ct)) is { } unit ? await GovernmentOfAsync(unit, ct) : "";
        var decisionDue = c.AcceptedOn is null || c.ClosedOn is not null ? null
            : cases.Deadlines(c).FirstOrDefault(d => d.Kind == ReconDeadlines.Decision)?.DueOn;
        return new ProgressDto(c.CaseNumber, organ, HolidayFile.Iso(c.ReceivedOn), StageOf(c), Iso(c.AcceptedOn), Iso(decisionDue), Iso(c.ClosedOn));
    }

    /// <summary>What the applicant is told of the stage: the outcome's kind, not its reasons.</summary>
    public static string StageOf(ReconCase c) => c.Status switch
    {
        CaseStatus.Reviewing => "已收到申请，正在审查是否受理",
        CaseStatus.AwaitingCorrection => "已通知补正申请材料，等待补正",
        CaseStatus.Hearing => c.DeemedAccepted ? "已受理（视为受理），正在审理" : "已受理，正在审理",
        CaseStatus.Suspended => "审理中止",
        CaseStatus.NotAccepted => "已作出不予受理决定，决定书已（将）送达",
        CaseStatus.Referred => "已告知向有权机关申请",
        CaseStatus.Abandoned => "逾期未补正，视为放弃申请",
        CaseStatus.Terminated => "行政复议已终止",
        CaseStatus.Mediated => "已调解结案",
        CaseStatus.Decided => "已作出行政复议决定，决定书已（将）送达",
        _ => "已收到申请",
    };

    /// <summary>The published decisions of a district's 复议机关 (第七十九条第一款), newest first, as redacted at publication.</summary>
    public async Task<(string Organ, List<PublicDecisionDto> Rows)> PublishedAsync(string? region, CancellationToken ct)
    {
        var district = await DistrictAsync(region, ct) ?? throw new NotFoundException($"地区“{region}”不存在。");
        var path = district.Path;
        // Published by law: an anonymous caller has no scope; only what was published, as published.
        var rows = await db.Set<CaseArchive>().ForSystemJob().AsNoTracking()
            .Where(a => a.PublishedOn != null && db.OrgUnits.ForSystemJob().Any(o => o.Id == a.OrgUnitId && o.Path.StartsWith(path)))
            .OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.CaseId).Take(200)
            .Select(a => new { a.CaseId, a.PublishedOn, a.PublishedText }).ToListAsync(ct);
        var ids = rows.Select(x => x.CaseId).ToList();
        var numbers = await db.ReconCases().ForSystemJob().AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status != CaseStatus.Voided)
            .ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        return (district.GovernmentName, [.. rows.Where(x => numbers.ContainsKey(x.CaseId))
            .Select(x => new PublicDecisionDto(numbers[x.CaseId], district.GovernmentName, HolidayFile.Iso(x.PublishedOn!.Value), x.PublishedText ?? ""))]);
    }

    private async Task<OrgEntry?> DistrictAsync(string? region, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(region) || region.Length > 32)
            return null;
        var unit = await db.Orgs.FindByCodeAsync(region, ct);
        return unit is { Kind: OrgKind.District, IsActive: true } ? unit : null;
    }

    private async Task<string> GovernmentOfAsync(OrgEntry bureau, CancellationToken ct) =>
        bureau.ParentId is { } p && await db.Orgs.FindAsync(p, ct) is { } parent ? parent.GovernmentName : bureau.NameForDocuments;

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;

    private static string NewCode() => string.Create(8, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
    });

    private static bool SameCode(string stored, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(stored)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    /// <summary>
    /// For the length of one online application the request acts as the chosen 复议机构 (its data scope, no permissions,
    /// the name 网上申请), so that the intake runs exactly as at the window: the scope filter finds the bureau's
    /// counters and the district's agencies, and the case history and the audit log name 网上申请 as the actor.
    /// The caller is anonymous before and after.
    /// </summary>
    private Restore ActAsReviewBody(OrgEntry bureau)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("网上申请 runs inside a request.");
        var before = context.User;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, OnlineActor),
            new Claim(FazhiClaims.OrgUnitId, bureau.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(FazhiClaims.ScopePath, ScopeRules.ScopePathFor(bureau.Kind, bureau.Path)),
        ], "online-application");
        context.User = new ClaimsPrincipal(identity);
        return new Restore(() => context.User = before);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
