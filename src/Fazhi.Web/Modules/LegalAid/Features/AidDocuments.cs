using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

public sealed record AidDocumentDto(long Id, string Kind, string Title, string Number, string CreatedAt, string CreatedBy);

/// <summary>
/// 法律援助文书 as GB/T 9704 .docx (Kernel/Documents): 给予/不予法律援助决定书 (第四十三条), 指派通知书 (第四十三条、第三十六条)
/// and 结案报告 (第五十条), numbered per unit, kind and year (环翠法援决〔2026〕3号). The issuer is the unit's
/// 法律援助中心 (环翠区司法局 → 环翠区法律援助中心).
/// </summary>
public sealed class AidDocuments(FazhiDb db, AidService cases)
{
    public static string TitleOf(AidDocumentKind k) => k switch
    {
        AidDocumentKind.GrantDecision => "给予法律援助决定书",
        AidDocumentKind.RefusalDecision => "不予法律援助决定书",
        AidDocumentKind.AssignmentNotice => "指派通知书",
        _ => "法律援助案件结案报告",
    };

    private static string Abbreviation(AidDocumentKind k) => k switch
    {
        AidDocumentKind.GrantDecision => "援决",
        AidDocumentKind.RefusalDecision => "不援决",
        AidDocumentKind.AssignmentNotice => "援指",
        _ => "援结",
    };

    public static string Segment(AidDocumentKind k) => k switch
    {
        AidDocumentKind.GrantDecision => "grant-decision",
        AidDocumentKind.RefusalDecision => "refusal-decision",
        AidDocumentKind.AssignmentNotice => "assignment-notice",
        _ => "closing-report",
    };

    public static AidDocumentKind? Parse(string? segment) => Enum.GetValues<AidDocumentKind>().Cast<AidDocumentKind?>().FirstOrDefault(k => Segment(k!.Value) == segment);

    /// <summary>Which documents a case's state allows.</summary>
    public static bool AppliesTo(AidDocumentKind k, AidCase c) => k switch
    {
        AidDocumentKind.GrantDecision => c.DecidedOn is not null && c.Channel != AidChannel.Notice && c.Status is AidStatus.Granted or AidStatus.Assigned or AidStatus.Closed or AidStatus.Terminated,
        AidDocumentKind.RefusalDecision => c.Status == AidStatus.Refused,
        AidDocumentKind.AssignmentNotice => c.AssignedOn is not null,
        _ => c.Status == AidStatus.Closed,
    };

    public static IEnumerable<AidDocumentKind> Available(AidCase c) => Enum.GetValues<AidDocumentKind>().Where(k => AppliesTo(k, c));

    public static string CenterName(string unitName) =>
        unitName.EndsWith("司法局", StringComparison.Ordinal) ? unitName[..^3] + "法律援助中心" : unitName + "法律援助中心";

    public async Task<AidDocument> GenerateAsync(long caseId, AidDocumentKind kind, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        if (!AppliesTo(kind, c))
            throw new ConflictException($"案件当前状态为“{AidNames.Of(c.Status)}”，不能制作《{TitleOf(kind)}》。");
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == c.OrgUnitId, ct);
        var center = CenterName(unit.Name);
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        AidProvider? provider = c.ProviderId is { } pid ? await db.AidProviders().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        var (addressee, paragraphs) = Compose(kind, c, unit.Name, provider);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var seq = await cases.NextAsync(unit.Id, today.Year, "doc-" + kind, ct);
        var number = $"{AidService.ShortName(unit)}{Abbreviation(kind)}〔{today.Year}〕{seq}号";
        var doc = new AidDocument
        {
            CaseId = c.Id, OrgUnitId = c.OrgUnitId, Kind = kind, Number = number, Title = TitleOf(kind),
            CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = db.Actor.UserName,
            Content = OfficialDocument.Write(new OfficialDocument.Content(TitleOf(kind), number, addressee, paragraphs, center, ChineseDate(today))),
        };
        db.AidDocuments().Add(doc);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc;
    }

    private static (string? Addressee, List<string> Paragraphs) Compose(AidDocumentKind kind, AidCase c, string bureau, AidProvider? p)
    {
        var type = AidNames.Of(c.CaseType);
        var basis = c.Eligibility switch
        {
            EligibilityBasis.Exempt => $"申请人属于“{c.EligibilityCategory}”，依照《中华人民共和国法律援助法》第四十二条免予核查经济困难状况",
            EligibilityBasis.NoCondition => $"申请事项属于“{c.EligibilityCategory}”，依照《中华人民共和国法律援助法》第三十二条不受经济困难条件的限制",
            _ => "经审查，申请人经济困难，申请事项属于法律援助范围",
        };
        switch (kind)
        {
            case AidDocumentKind.GrantDecision:
                return (c.ApplicantName, [
                    $"你于{ChineseDate(c.ReceivedOn)}提出的法律援助申请（{c.Matter}，{type}）本中心已收到。",
                    $"{basis}。依照《中华人民共和国法律援助法》第四十三条的规定，本中心决定给予法律援助{(c.ProvidedFirst ? $"（因{c.UrgentGround}，已先行提供法律援助，请及时补办有关手续、补充有关材料）" : "")}。",
                    "本中心将自作出本决定之日起三日内指派律师、基层法律服务工作者或者本机构工作人员承办，并告知你承办人员的姓名和联系方式。",
                    "受援人应当向法律援助人员如实陈述与法律援助事项有关的情况，及时提供证据材料，协助、配合办理法律援助事项（《中华人民共和国法律援助法》第四十七条）。",
                ]);
            case AidDocumentKind.RefusalDecision:
                return (c.ApplicantName, [
                    $"你于{ChineseDate(c.ReceivedOn)}提出的法律援助申请（{c.Matter}，{type}）本中心已收到。",
                    $"经审查，本中心决定不予法律援助。理由如下：{c.RefusalReason}",
                    $"如对本决定有异议，可以向{bureau}提出；司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令法律援助机构提供法律援助的决定（《中华人民共和国法律援助法》第四十九条）。",
                ]);
            case AidDocumentKind.AssignmentNotice:
                return ($"{p?.Firm ?? "承办单位"}{(p is null ? "" : "、" + p.Name)}", [
                    c.Channel == AidChannel.Notice
                        ? $"本中心于{ChineseDate(c.ReceivedOn)}收到{c.NoticeAuthority}的通知（{c.NoticeNumber}），依照《中华人民共和国法律援助法》第三十六条，指派你承办{c.ApplicantName}{type}法律援助案件。"
                        : $"本中心于{ChineseDate(c.DecidedOn ?? c.ReceivedOn)}决定给予{c.ApplicantName}法律援助（{c.Matter}），依照《中华人民共和国法律援助法》第四十三条，指派你承办该{type}法律援助案件（编号{c.Number}）。",
                    "请自收到本通知之日起五日内与受援人或者其法定代理人、近亲属签订委托协议和授权委托书，依法履行职责，及时向本中心报告办理进展；结案后按规定向本中心提交结案材料（第五十条）。",
                    $"指派日期：{ChineseDate(c.AssignedOn!.Value)}。",
                ]);
            default:
                return (null, [
                    $"案件编号：{c.Number}；受援人：{c.ApplicantName}；案件类别：{type}；申请事项：{c.Matter}。",
                    $"收到申请：{ChineseDate(c.ReceivedOn)}；决定给予：{(c.DecidedOn is { } d ? ChineseDate(d) : "—")}；指派：{(c.AssignedOn is { } a ? ChineseDate(a) : "—")}，承办人员：{c.ProviderName}{(p?.Firm is { } f ? "（" + f + "）" : "")}。",
                    $"办理情况：出庭{c.HearingsAttended}次。{string.Join("；", c.Events.Where(e => e.Action is AidAction.RecordProgress or AidAction.AttendHearing).Select(e => $"{ChineseDate(e.On)}{e.Note}"))}",
                    $"结案日期：{ChineseDate(c.ClosedOn!.Value)}；结案结果：{(c.Result is { } r ? AidNames.Of(r) : "—")}；挽回损失：{c.RecoveredFen / 100m:0.00}元；办结阶段：{c.Stage ?? "—"}；应发办案补贴：{c.SubsidyFen / 100m:0.00}元。",
                    "以上情况属实，按《中华人民共和国法律援助法》第五十条报告。",
                ]);
        }
    }

    public async Task<List<AidDocumentDto>> ListAsync(long caseId, CancellationToken ct) =>
        [.. (await db.AidDocuments().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Kind, d.Title, d.Number, d.CreatedAtUtc, d.CreatedBy }).ToListAsync(ct))
            .Select(d => new AidDocumentDto(d.Id, Segment(d.Kind), d.Title, d.Number, ChinaTime.Format(d.CreatedAtUtc), d.CreatedBy))];

    public async Task<AidDocument> GetAsync(long id, CancellationToken ct) =>
        await db.AidDocuments().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException($"文书（编号{id}）不存在或不在您的数据权限范围内。");

    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
