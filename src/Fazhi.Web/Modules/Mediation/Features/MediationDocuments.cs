using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record MediationDocumentDto(long Id, string Kind, string Title, string Number, string CreatedAt, string CreatedBy);

/// <summary>
/// 人民调解文书 (.docx through Kernel/Documents): 申请书, 受理登记表, 调解笔录, 协议书, 司法确认申请书, 回访记录, each numbered per
/// committee, year and kind (（2024）鲸园调协字第3号). The 协议书 carries what 人民调解法第二十九条 lists: the parties, the facts
/// and the dispute, the agreed content with manner and time of performance, and where the parties, the mediator and the
/// committee's seal sign.
/// </summary>
public sealed class MediationDocuments(FazhiDb db, DisputeService disputes)
{
    public static MediationDocumentKind? ParseKind(string segment) => segment switch
    {
        "application" => MediationDocumentKind.Application,
        "registration" => MediationDocumentKind.Registration,
        "session-record" => MediationDocumentKind.SessionRecord,
        "agreement" => MediationDocumentKind.Agreement,
        "confirmation-application" => MediationDocumentKind.ConfirmationApplication,
        "follow-up-record" => MediationDocumentKind.FollowUpRecord,
        _ => null,
    };

    public static string SegmentOf(MediationDocumentKind k) => k switch
    {
        MediationDocumentKind.Application => "application",
        MediationDocumentKind.Registration => "registration",
        MediationDocumentKind.SessionRecord => "session-record",
        MediationDocumentKind.Agreement => "agreement",
        MediationDocumentKind.ConfirmationApplication => "confirmation-application",
        _ => "follow-up-record",
    };

    public async Task<IReadOnlyList<MediationDocumentDto>> ListAsync(long disputeId, CancellationToken ct)
    {
        _ = await disputes.GetAsync(disputeId, ct);
        var docs = await db.MediationDocuments().AsNoTracking().Where(d => d.DisputeId == disputeId).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Kind, d.Title, d.Number, d.CreatedAtUtc, d.CreatedBy }).ToListAsync(ct);
        return [.. docs.Select(d => new MediationDocumentDto(d.Id, SegmentOf(d.Kind), d.Title, d.Number, ChinaTime.Format(d.CreatedAtUtc), d.CreatedBy))];
    }

    public async Task<MediationDocument> GetAsync(long id, CancellationToken ct) =>
        await db.MediationDocuments().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("文书不存在或不在您的数据权限范围内。");

    public async Task<MediationDocument> GenerateAsync(long disputeId, MediationDocumentKind kind, CancellationToken ct)
    {
        var d = await disputes.GetAsync(disputeId, ct);
        var missing = kind switch
        {
            MediationDocumentKind.SessionRecord when !d.Events.Any(e => e.Action == DisputeAction.RecordSession) => "尚无调解笔录，请先登记调解情况",
            MediationDocumentKind.Agreement when d.Agreement != AgreementKind.Written => "只有达成书面协议的纠纷才能制作调解协议书（口头协议由调解员记录，人民调解法第二十八条）",
            MediationDocumentKind.ConfirmationApplication when d.Status != DisputeStatus.Succeeded => "调解成功达成协议后才能制作司法确认申请书",
            MediationDocumentKind.FollowUpRecord when d.FollowUpOn is null => "尚未回访",
            _ => null,
        };
        if (missing is not null)
            throw new ConflictException(missing);
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == d.OrgUnitId, ct);
        var committee = await db.Committees().AsNoTracking().FirstAsync(c => c.OrgUnitId == d.OrgUnitId, ct);
        var mediator = d.MediatorId is { } mid ? await db.Mediators().AsNoTracking().Where(m => m.Id == mid).Select(m => m.Name).FirstOrDefaultAsync(ct) : null;
        var category = (await disputes.ToDtoAsync(d, ct)).Category;
        var today = disputes.Today;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await disputes.NextNumberAsync(d.OrgUnitId, committee.ShortName, today.Year, OrganisationNames.SeriesWord(kind), ct);
        var title = OrganisationNames.Of(kind);
        var parties = d.Parties.Select((p, i) => $"{(i == 0 ? "甲方" : i == 1 ? "乙方" : $"第{i + 1}方")}：{p.Name}（{MediationNames.Of(p.Kind)}{(p.IdNumber is null ? "" : "，证件号码" + p.IdNumber)}{(p.Phone is null ? "" : "，联系电话" + p.Phone)}{(p.Address is null ? "" : "，住址" + p.Address)}）").ToList();
        string Day(DateOnly? x) => x is { } v ? $"{v.Year}年{v.Month}月{v.Day}日" : "    年  月  日";
        List<string> paragraphs = kind switch
        {
            MediationDocumentKind.Application => [.. parties, $"纠纷类别：{category}。", $"纠纷事实及申请事项：{d.Summary}", $"申请人自愿申请{unit.Name}调解上述纠纷，并承诺如实陈述。", "申请人（签名）：", $"申请日期：{Day(d.ReceivedOn)}"],
            MediationDocumentKind.Registration => [$"登记编号：{d.Number}。", $"纠纷来源：{MediationNames.Of(d.Source)}{(d.CourtCaseNumber is null ? "" : $"（{d.Court}，{d.CourtCaseNumber}）")}。", $"纠纷类别：{category}；涉及金额：{d.AmountFen / 100m:0.##}元。", .. parties, $"纠纷简要情况：{d.Summary}", $"登记日期：{Day(d.ReceivedOn)}；受理日期：{Day(d.AcceptedOn)}；调解员：{mediator ?? "（未指定）"}。"],
            MediationDocumentKind.SessionRecord => [.. parties, $"调解员：{mediator}。", .. d.Events.Where(e => e.Action == DisputeAction.RecordSession).Select(e => $"{Day(e.On)}：{e.Note}"), "当事人（签名）：", "调解员（签名）：", "记录人（签名）："],
            MediationDocumentKind.Agreement =>
            [
                .. parties,
                $"纠纷主要事实、争议事项：{d.Summary}",
                $"经{unit.Name}调解，双方当事人自愿达成如下协议：{d.AgreementContent}",
                "履行方式、时限：按上述约定履行。本协议经各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（《中华人民共和国人民调解法》第二十九条）。本协议一式三份，当事人各执一份，人民调解委员会留存一份。",
                "双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。",
                "甲方（签名、盖章或按指印）：            乙方（签名、盖章或按指印）：",
                $"人民调解员（签名）：{mediator}",
                $"协议达成日期：{Day(d.AgreementOn)}",
            ],
            MediationDocumentKind.ConfirmationApplication =>
            [
                .. parties,
                $"请求事项：请求人民法院确认申请人之间于{Day(d.AgreementOn)}经{unit.Name}调解达成的调解协议（{d.Number}）有效。",
                $"事实与理由：双方当事人因{category}经{unit.Name}调解，于{Day(d.EffectiveOn)}达成调解协议并生效。协议内容：{d.AgreementContent}",
                "申请人依照《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条，自调解协议生效之日起三十日内共同提出本申请，并保证出于真实意思表示，不损害国家利益、社会公共利益和他人合法权益。",
                $"此致\u3000{d.ConfirmationCourt ?? "人民法院"}",
                "申请人（签名）：            申请人（签名）：",
            ],
            _ => [.. parties, $"调解协议：{d.AgreementContent ?? d.CloseReason}", $"回访日期：{Day(d.FollowUpOn)}；履行情况：{d.Performance}。", .. d.Events.Where(e => e.Action == DisputeAction.FollowUp).Select(e => e.Note ?? ""), "回访人（签名）："],
        };
        var content = OfficialDocument.Write(new OfficialDocument.Content(title, number, null, paragraphs, unit.NameForDocuments, Day(today)));
        var doc = new MediationDocument { DisputeId = d.Id, OrgUnitId = d.OrgUnitId, Kind = kind, Number = number, Title = title, Content = content, CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = db.Actor.UserName };
        db.MediationDocuments().Add(doc);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc;
    }
}
