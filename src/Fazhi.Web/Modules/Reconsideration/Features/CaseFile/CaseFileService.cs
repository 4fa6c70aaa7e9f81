using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features.CaseFile;

/// <summary>An archived case refuses every change; the aggregate checks it for actions, this for the case file.</summary>
public static class CaseFileGuard
{
    public static void EnsureEditable(ReconCase c)
    {
        if (c.ArchivedOn is { } on)
            throw new ConflictException($"案件已于{on:yyyy-MM-dd}归档，不能再修改。");
    }
}

public static class CaseFileNames
{
    public static string Of(ServiceMethod m) => m switch
    {
        ServiceMethod.InPerson => "直接送达",
        ServiceMethod.Mail => "邮寄送达",
        ServiceMethod.Electronic => "电子送达",
        _ => "公告送达",
    };

    public static string Of(ServiceParty p) => p switch
    {
        ServiceParty.Applicant => "申请人",
        ServiceParty.Respondent => "被申请人",
        ServiceParty.ThirdParty => "第三人",
        _ => "其他",
    };

    /// <summary>Archive order of the case materials by 附件类别: 申请材料, 证据材料, 法律文书, 其他.</summary>
    public static int ArchiveRank(string category) => category switch
    {
        "application" => 0,
        "evidence" => 1,
        "document" => 2,
        _ => 3,
    };

    public static string MaterialName(string category) => category switch
    {
        "application" => "申请材料",
        "evidence" => "证据材料",
        "document" => "文书扫描件",
        _ => "其他材料",
    };
}

public sealed record WritingRequest(string? ThirdParties, string? Request, string? ApplicantStatement, string? RespondentStatement,
    string? ThirdPartyStatement, string? Findings, string? Reasoning, string? MediationTerms, string? Court);

public sealed record HearingRequest(DateOnly? NoticeOn, DateOnly? HearingOn, string? StartsAt, string? Place, string? Matters, string? Host,
    string? Panelists, string? Clerk, string? Attendees, string? Record);

public sealed record ServiceRequest(long? DocumentId, string? Party, string? Addressee, string? Method, string? TrackingNumber,
    string? ElectronicAddress, bool? Consent, DateOnly? SentOn, DateOnly? ServedOn, long? ReceiptAttachmentId, string? Note);

public sealed record ServiceDto(long Id, long DocumentId, string Document, string Party, string Addressee, string Method, string? TrackingNumber,
    string? ElectronicAddress, string SentOn, string? ServedOn, long? ReceiptAttachmentId, string? Note, string RecordedBy);

public sealed record ArchiveRequest(DateOnly? On, int? RetentionYears, string? FileNumber);

public sealed record PublishRequest(DateOnly? On);

public sealed record ReportRequest(string? To, DateOnly? On);

public sealed record ArchiveDto(string FileNumber, string Retention, string ArchivedOn, string ArchivedBy, string? PublishedOn, string? ReportedTo, string? ReportedOn);

public sealed record PublishedDecisionDto(long CaseId, string CaseNumber, string Organ, string? PublishedOn, string Text);

/// <summary>
/// 案卷 of a 行政复议 case (issue 15 §3): the 文书要素, the 听证 with its panel (第五十条), 送达 per document and party
/// (the served date starts the periods the law starts on service), 归档 with the 卷内目录 (an archived case refuses
/// every change) and the 公开 and 抄告 of the 决定书 (第七十九条).
/// </summary>
public sealed partial class CaseFileService(FazhiDb db, ReconCaseService cases, DocumentService documents)
{
    public const int TextLimit = 4000;

    private DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    public async Task<CaseWriting?> WritingAsync(long caseId, CancellationToken ct)
    {
        await cases.GetAsync(caseId, ct);
        return await db.Set<CaseWriting>().AsNoTracking().FirstOrDefaultAsync(w => w.CaseId == caseId, ct);
    }

    public async Task<CaseWriting> SaveWritingAsync(long caseId, WritingRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        CaseFileGuard.EnsureEditable(c);
        var errors = new Dictionary<string, string[]>();
        void Check(string? v, string field, string name, int max = TextLimit)
        {
            if (v is not null && v.Length > max)
                errors[field] = [$"{name}不超过{max}字"];
        }
        Check(r.ThirdParties, "thirdParties", "第三人", 500);
        Check(r.Request, "request", "行政复议请求", 1000);
        Check(r.ApplicantStatement, "applicantStatement", "申请人称");
        Check(r.RespondentStatement, "respondentStatement", "被申请人称");
        Check(r.ThirdPartyStatement, "thirdPartyStatement", "第三人称");
        Check(r.Findings, "findings", "经审理查明");
        Check(r.Reasoning, "reasoning", "本机关认为");
        Check(r.MediationTerms, "mediationTerms", "调解协议");
        Check(r.Court, "court", "管辖法院", 64);
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var w = await db.Set<CaseWriting>().FirstOrDefaultAsync(x => x.CaseId == caseId, ct);
        if (w is null)
            db.Set<CaseWriting>().Add(w = new CaseWriting { CaseId = caseId, OrgUnitId = c.OrgUnitId, UpdatedBy = db.Actor.UserName });
        static string? T(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        w.ThirdParties = T(r.ThirdParties);
        w.Request = T(r.Request)?.TrimEnd('。');
        w.ApplicantStatement = T(r.ApplicantStatement);
        w.RespondentStatement = T(r.RespondentStatement);
        w.ThirdPartyStatement = T(r.ThirdPartyStatement);
        w.Findings = T(r.Findings);
        w.Reasoning = T(r.Reasoning);
        w.MediationTerms = T(r.MediationTerms);
        w.Court = T(r.Court);
        w.UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        w.UpdatedBy = db.Actor.UserName;
        w.Version++;
        await db.SaveChangesAsync(ct);
        return w;
    }

    /// <summary>听证的组织 (第五十条第三款): one 主持人, at least two 听证员 who are not the 主持人, one 记录员.</summary>
    public async Task<CaseHearing> SaveHearingAsync(long caseId, HearingRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        CaseFileGuard.EnsureEditable(c);
        var errors = new Dictionary<string, string[]>();
        var panel = (r.Panelists ?? "").Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var host = r.Host?.Trim();
        var clerk = r.Clerk?.Trim();
        if (r.NoticeOn is null) errors["noticeOn"] = ["请填写听证通知日期"];
        if (r.HearingOn is null) errors["hearingOn"] = ["请填写听证日期"];
        else if (r.NoticeOn is { } n && r.HearingOn < n) errors["hearingOn"] = ["听证日期不能早于通知日期"];
        if (r.NoticeOn is { } no && no < c.ReceivedOn) errors["noticeOn"] = [$"通知日期不能早于收到申请之日（{c.ReceivedOn:yyyy-MM-dd}）"];
        if (string.IsNullOrWhiteSpace(r.StartsAt) || !TimeOnly.TryParse(r.StartsAt, CultureInfo.InvariantCulture, out _)) errors["startsAt"] = ["请填写开始时间，如 09:30"];
        if (string.IsNullOrWhiteSpace(r.Place) || r.Place.Length > 200) errors["place"] = ["请填写听证地点（不超过200字）"];
        if (string.IsNullOrWhiteSpace(r.Matters) || r.Matters.Length > 1000) errors["matters"] = ["请填写拟听证事项（不超过1000字）"];
        if (string.IsNullOrEmpty(host) || host.Length > 64) errors["host"] = ["听证由一名行政复议人员任主持人（第五十条第三款），请填写主持人"];
        if (host is not null) panel.Remove(host);
        if (panel.Count < 2) errors["panelists"] = ["听证员应为两名以上行政复议人员（第五十条第三款），且不含主持人；多人以“、”分隔"];
        if (string.IsNullOrEmpty(clerk) || clerk.Length > 64) errors["clerk"] = ["听证应由一名记录员制作听证笔录（第五十条第三款），请填写记录员"];
        else if (clerk == host || panel.Contains(clerk)) errors["clerk"] = ["记录员不能同时担任主持人或听证员"];
        if (r.Record is { Length: > TextLimit }) errors["record"] = [$"听证笔录不超过{TextLimit}字"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var h = await db.Set<CaseHearing>().Where(x => x.CaseId == caseId).OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (h is null)
            db.Set<CaseHearing>().Add(h = new CaseHearing { CaseId = caseId, OrgUnitId = c.OrgUnitId, StartsAt = "", Place = "", Matters = "", Host = "", Panelists = "", Clerk = "", UpdatedBy = "" });
        h.NoticeOn = r.NoticeOn!.Value;
        h.HearingOn = r.HearingOn!.Value;
        h.StartsAt = TimeOnly.Parse(r.StartsAt!, CultureInfo.InvariantCulture).ToString("HH:mm", CultureInfo.InvariantCulture);
        h.Place = r.Place!.Trim();
        h.Matters = r.Matters!.Trim();
        h.Host = host!;
        h.Panelists = string.Join("、", panel);
        h.Clerk = clerk!;
        h.Attendees = string.IsNullOrWhiteSpace(r.Attendees) ? null : r.Attendees.Trim();
        h.Record = string.IsNullOrWhiteSpace(r.Record) ? null : r.Record.Trim();
        h.UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        h.UpdatedBy = db.Actor.UserName;
        h.Version++;
        await db.SaveChangesAsync(ct);
        return h;
    }

    public async Task<CaseHearing?> HearingAsync(long caseId, CancellationToken ct) =>
        await db.Set<CaseHearing>().AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// 送达: one issued document to one addressee. The served date starts the periods the law starts on service: the
    /// 答复通知书 served on the 被申请人 records its receipt of the copy (第四十八条: ten days from receipt); the 补正通知书
    /// served on the 申请人 its receipt of the notice (第三十一条); a 决定书, 调解书, 终止 or 不予受理决定 served on the
    /// 申请人 the case's 送达 (第七十五条第二款: effective on service); an 意见书 served on the agency its sixty days
    /// (第七十六条).
    /// </summary>
    public async Task<ServiceRecord> RecordServiceAsync(long caseId, ServiceRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        CaseFileGuard.EnsureEditable(c);
        var doc = r.DocumentId is { } id ? await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.CaseId == caseId, ct) : null;
        if (doc is null)
            throw FazhiValidationException.For("documentId", "请选择本案要送达的文书");
        if (doc.Status != DocumentStatus.Issued || doc.IssuedOn is not { } issuedOn)
            throw FazhiValidationException.For("documentId", $"《{doc.Title}》{(doc.Status == DocumentStatus.Voided ? "已作废" : "尚未签发")}，不能送达。");
        var errors = new Dictionary<string, string[]>();
        var party = ReconNames.Parse<ServiceParty>(r.Party, CaseFileNames.Of);
        var method = ReconNames.Parse<ServiceMethod>(r.Method, CaseFileNames.Of);
        if (party is null) errors["party"] = ["请选择受送达人身份：申请人、被申请人、第三人或其他"];
        if (string.IsNullOrWhiteSpace(r.Addressee) || r.Addressee.Trim().Length > 100) errors["addressee"] = ["请填写受送达人（不超过100字）"];
        if (method is null) errors["method"] = ["请选择送达方式：直接送达、邮寄送达、电子送达或公告送达"];
        if (method == ServiceMethod.Mail && (string.IsNullOrWhiteSpace(r.TrackingNumber) || r.TrackingNumber.Trim().Length > 40))
            errors["trackingNumber"] = ["邮寄送达须填写邮件号（不超过40字）"];
        if (method == ServiceMethod.Electronic)
        {
            // 民事诉讼法 第九十条: 经受送达人同意，可以采用能够确认其收悉的电子方式送达.
            if (r.Consent != true) errors["consent"] = ["电子送达须经受送达人同意，请确认已取得同意"];
            if (string.IsNullOrWhiteSpace(r.ElectronicAddress) || r.ElectronicAddress.Trim().Length > 200) errors["electronicAddress"] = ["请填写受送达人同意的电子送达地址"];
        }
        var sent = r.SentOn ?? r.ServedOn ?? Today;
        if (sent < issuedOn) errors["sentOn"] = [$"送出日期不能早于文书签发日期（{issuedOn:yyyy-MM-dd}）"];
        if (sent > Today) errors["sentOn"] = ["送出日期不能晚于今天"];
        if (r.ServedOn is { } served)
        {
            if (served < issuedOn) errors["servedOn"] = [$"送达日期不能早于文书签发日期（{issuedOn:yyyy-MM-dd}）"];
            else if (served < sent) errors["servedOn"] = ["送达日期不能早于送出日期"];
            if (served > Today) errors["servedOn"] = ["送达日期不能晚于今天"];
        }
        if (r.ReceiptAttachmentId is { } aid && !await db.Set<Kernel.Attachments.Attachment>().AnyAsync(a => a.Id == aid && a.Module == ReconCaseService.Module && a.EntityType == CaseAttachments.EntityTypeCode && a.EntityId == caseId, ct))
            errors["receiptAttachmentId"] = ["送达回证扫描件应先作为本案附件上传"];
        if (r.Note is { Length: > 500 }) errors["note"] = ["备注不超过500字"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = new ServiceRecord
        {
            CaseId = caseId, OrgUnitId = c.OrgUnitId, DocumentId = doc.Id, Party = party!.Value, Addressee = r.Addressee!.Trim(), Method = method!.Value,
            TrackingNumber = method == ServiceMethod.Mail ? r.TrackingNumber!.Trim() : null,
            ElectronicAddress = method == ServiceMethod.Electronic ? r.ElectronicAddress!.Trim() : null, ConsentRecorded = method == ServiceMethod.Electronic,
            SentOn = sent, ServedOn = r.ServedOn, ReceiptAttachmentId = r.ReceiptAttachmentId, Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            RecordedAtUtc = db.Clock.GetUtcNow().UtcDateTime, RecordedBy = db.Actor.UserName,
        };
        db.Set<ServiceRecord>().Add(record);
        if (r.ServedOn is { } on)
            await StartClocksAsync(c, doc, record.Party, sent, on, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record;
    }

    /// <summary>Records the served date on the case as the step the law counts from (through the aggregate, so its own
    /// ordering checks apply), then re-derives the timers.</summary>
    private async Task StartClocksAsync(ReconCase c, CaseDocument doc, ServiceParty party, DateOnly sent, DateOnly served, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var actor = db.Actor.UserName;
        switch (doc.Kind)
        {
            case DocumentKind.ReplyNotice when party == ServiceParty.Respondent:
                if (c.CopySentOn is null && CaseStateMachine.IsAllowed(c.Status, CaseAction.SendCopy))
                    c.SendCopy(sent, actor, now);
                if (c.CopyReceivedOn is null && CaseStateMachine.IsAllowed(c.Status, CaseAction.RecordCopyReceived))
                    c.RecordCopyReceived(served, actor, now);
                break;
            case DocumentKind.CorrectionNotice when party == ServiceParty.Applicant:
                if (c.CorrectionNoticeOn is { } noticeOn && served >= noticeOn)
                    c.CorrectionNoticeReceivedOn = served;
                break;
            case DocumentKind.DecisionDraft or DocumentKind.MediationAgreement or DocumentKind.TerminationDecision or DocumentKind.RejectionDecision
                when party == ServiceParty.Applicant:
                if (c.ServedOn is null && CaseStateMachine.IsAllowed(c.Status, CaseAction.Serve))
                    c.Serve(served, actor, now);
                break;
            case DocumentKind.OpinionLetter when party is ServiceParty.Respondent or ServiceParty.Other:
                if (c.OpinionLetterOn is { } letterOn && served > letterOn)
                    c.OpinionLetterOn = served;
                break;
        }
        await cases.SyncTimersAsync(c, ct);
    }

    public async Task<List<ServiceDto>> ServicesAsync(long caseId, CancellationToken ct)
    {
        var docs = await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId).ToDictionaryAsync(d => d.Id, d => d.Title + (d.Number is null ? "" : $"（{d.Number}）"), ct);
        return [.. (await db.Set<ServiceRecord>().AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Id).ToListAsync(ct))
            .Select(s => new ServiceDto(s.Id, s.DocumentId, docs.GetValueOrDefault(s.DocumentId) ?? "", CaseFileNames.Of(s.Party), s.Addressee, CaseFileNames.Of(s.Method),
                s.TrackingNumber, s.ElectronicAddress, Iso(s.SentOn), s.ServedOn is { } on ? Iso(on) : null, s.ReceiptAttachmentId, s.Note, s.RecordedBy))];
    }

    /// <summary>
    /// 归档: a concluded case gets its 案卷号 (per unit and year, never reused), a retention period and its 卷内目录 (a
    /// document in archive order); from then on the case refuses every change.
    /// </summary>
    public async Task<CaseArchive> ArchiveAsync(long caseId, ArchiveRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        CaseFileGuard.EnsureEditable(c);
        if (c.ClosedOn is not { } closed || CaseStateMachine.IsOpen(c.Status))
            throw new ConflictException("案件尚未结案，不能归档。");
        var on = r.On ?? Today;
        if (on > Today)
            throw FazhiValidationException.For("on", "归档日期不能晚于今天。");
        if (on < closed)
            throw FazhiValidationException.For("on", $"归档日期不能早于结案日期（{closed:yyyy-MM-dd}）。");
        var years = r.RetentionYears ?? 30;
        if (years is not (0 or 10 or 30))
            throw FazhiValidationException.For("retentionYears", "保管期限应为永久（0）、30年或10年");
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == c.OrgUnitId, ct);
        string number;
        if (!string.IsNullOrWhiteSpace(r.FileNumber))
        {
            number = r.FileNumber.Trim();
            if (number.Length > 64)
                throw FazhiValidationException.For("fileNumber", "案卷号不超过64字");
            if (await db.Set<CaseArchive>().AnyAsync(a => a.OrgUnitId == c.OrgUnitId && a.FileNumber == number, ct))
                throw FazhiValidationException.For("fileNumber", $"案卷号“{number}”已被使用");
        }
        else
        {
            var prefix = $"{ReconCaseService.ShortName(unit)}复档〔{on.Year}〕";
            var used = await db.Set<CaseArchive>().CountAsync(a => a.OrgUnitId == c.OrgUnitId && a.FileNumber.StartsWith(prefix), ct);
            number = $"{prefix}{used + 1}号";
        }
        var archive = new CaseArchive { CaseId = caseId, OrgUnitId = c.OrgUnitId, FileNumber = number, RetentionYears = years, ArchivedOn = on, ArchivedBy = db.Actor.UserName, Version = 1 };
        db.Set<CaseArchive>().Add(archive);
        await db.SaveChangesAsync(ct);
        // The 卷内目录 lists what is filed, in archive order; it is fixed (签发) as the case closes.
        var index = await documents.GenerateAsync(caseId, DocumentKind.ArchiveIndex, ct);
        await documents.IssueAsync(index.Id, new IssueRequest(on, db.Actor.UserName), ct);
        var tracked = await db.ReconCases().FirstAsync(x => x.Id == caseId, ct);
        tracked.ArchivedOn = on;
        tracked.Version++;
        await db.SaveChangesAsync(ct);
        return archive;
    }

    public async Task<CaseArchive?> ArchiveOfAsync(long caseId, CancellationToken ct) =>
        await db.Set<CaseArchive>().AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == caseId, ct);

    public static ArchiveDto ToDto(CaseArchive a) => new(a.FileNumber, CaseArchive.RetentionName(a.RetentionYears), Iso(a.ArchivedOn), a.ArchivedBy,
        a.PublishedOn is { } p ? Iso(p) : null, a.ReportedTo, a.ReportedOn is { } r ? Iso(r) : null);

    /// <summary>公开 (第七十九条第一款): the issued 决定书's text with the applicant's and third parties' personal data redacted.</summary>
    public async Task<CaseArchive> PublishAsync(long caseId, PublishRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        var decision = await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == caseId && d.Kind == DocumentKind.DecisionDraft && d.Status == DocumentStatus.Issued, ct)
            ?? throw new ConflictException("本案没有已签发的行政复议决定书，不能公开。");
        var archive = await db.Set<CaseArchive>().FirstOrDefaultAsync(a => a.CaseId == caseId, ct)
            ?? throw new ConflictException("请先归档，再公开决定书。");
        var on = r.On ?? Today;
        if (on > Today || decision.IssuedOn is { } i && on < i)
            throw FazhiValidationException.For("on", "公开日期应在决定书签发之后、今天之前。");
        var writing = await db.Set<CaseWriting>().AsNoTracking().FirstOrDefaultAsync(w => w.CaseId == caseId, ct);
        archive.PublishedOn = on;
        archive.PublishedText = Redact(string.Join("\n", OfficialDocument.ReadParagraphs(decision.Content)), c, writing);
        archive.Version++;
        await db.SaveChangesAsync(ct);
        return archive;
    }

    /// <summary>抄告 (第七十九条第二款): the effective 决定书 sent to the respondent's superior department.</summary>
    public async Task<CaseArchive> ReportAsync(long caseId, ReportRequest r, CancellationToken ct)
    {
        await cases.GetAsync(caseId, ct);
        var archive = await db.Set<CaseArchive>().FirstOrDefaultAsync(a => a.CaseId == caseId, ct)
            ?? throw new ConflictException("请先归档，再登记抄告。");
        if (string.IsNullOrWhiteSpace(r.To) || r.To.Trim().Length > 64)
            throw FazhiValidationException.For("to", "请填写抄告的上一级主管部门（不超过64字）");
        var on = r.On ?? Today;
        if (on > Today)
            throw FazhiValidationException.For("on", "抄告日期不能晚于今天。");
        archive.ReportedTo = r.To.Trim();
        archive.ReportedOn = on;
        archive.Version++;
        await db.SaveChangesAsync(ct);
        return archive;
    }

    /// <summary>Published decisions of the units in the caller's scope, newest first.</summary>
    public async Task<List<PublishedDecisionDto>> PublishedAsync(int take, CancellationToken ct)
    {
        var rows = await db.Set<CaseArchive>().AsNoTracking().Where(a => a.PublishedOn != null).OrderByDescending(a => a.PublishedOn).Take(Math.Clamp(take, 1, 200))
            .Join(db.ReconCases().AsNoTracking(), a => a.CaseId, c => c.Id, (a, c) => new { c.Id, c.CaseNumber, c.OrgUnitId, a.PublishedOn, a.PublishedText }).ToListAsync(ct);
        var list = new List<PublishedDecisionDto>();
        foreach (var x in rows)
            list.Add(new PublishedDecisionDto(x.Id, x.CaseNumber, await documents.OrganAsync(x.OrgUnitId, ct), x.PublishedOn is { } p ? Iso(p) : null, x.PublishedText ?? ""));
        return list;
    }

    [GeneratedRegex(@"，[男女]，\d{4}年\d{1,2}月\d{1,2}日出生")]
    private static partial Regex SexAndBirth();

    [GeneratedRegex(@"\d{17}[\dXx]|1[3-9]\d{9}")]
    private static partial Regex IdOrMobile();

    /// <summary>Redaction for publication: a person's name becomes 姓 + 某 (张某), sex and date of birth are dropped, ID
    /// and mobile numbers masked; organisations are named as they are.</summary>
    public static string Redact(string text, ReconCase c, CaseWriting? w)
    {
        var t = SexAndBirth().Replace(text, "");
        if (c.ApplicantKind == ApplicantKind.Person && c.ApplicantName.Length > 0)
            t = t.Replace(c.ApplicantName, c.ApplicantName[0] + "某", StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(c.AgentName))
            t = t.Replace(c.AgentName, c.AgentName[0] + "某", StringComparison.Ordinal);
        foreach (var third in (w?.ThirdParties ?? "").Split('\n').Select(l => l.Split('，', ',')[0].Trim()).Where(n => n.Length is > 1 and <= 4))
            t = t.Replace(third, third[0] + "某", StringComparison.Ordinal);
        // recon-desk: the parties recorded under 第十五条/第十六条 (co-applicants, 代表人, 第三人, agents) who are persons.
        foreach (var party in c.Parties.Select(p => p.Name.Trim()).Where(n => n.Length is > 1 and <= 4))
            t = t.Replace(party, party[0] + "某", StringComparison.Ordinal);
        return IdOrMobile().Replace(t, "＊＊＊");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
