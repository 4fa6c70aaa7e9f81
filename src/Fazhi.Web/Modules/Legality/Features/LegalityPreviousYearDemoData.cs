using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Features.Office;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features;

/// <summary>示例数据: 环翠区's previous year as a bureau enters it from its paper 台账 when it starts on Fazhi (closed
/// matters with their comments and adoption answers, published and filed 规范性文件, filed contracts, 法律意见书, the
/// 依法治区办's meetings, 督察 and 述法), so the
/// 统计 page's 上年同期 and 同比 compare against something. All dated between 1 January and this day of last year (inside
/// the 同比 window of the default period, 本年1月1日至今). Added in bulk with one SaveChanges; seeded once (a marker
/// matter), only on a demo database and only where the office's demo data is on (the browser journeys and a real demo;
/// the integration tests craft their own records).</summary>
internal sealed class LegalityPreviousYearDemoData(FazhiDb db, IConfiguration config) : IDemoDataSource
{
    private const string Bureau = "371002-SFJ", Market = "371002-SCJG", Urban = "371002-ZHZF", Ecology = "371002-STHJ",
        Jingyuan = "371002001", Huancuilou = "371002002", Zhudao = "371002003", Reviewer = "huancui-fzsh";

    /// <summary>The first matter: its presence means this source has run.</summary>
    internal const string MarkerTitle = "环翠区农贸市场升级改造项目合作协议";

    private const string Ledger = "据上年度合法性审查台账补录（纸质审核意见书存档）";

    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        !config.GetValue(OfficeDemoData.Switch, true) || await db.Matters().ForSystemJob().AnyAsync(m => m.Title == MarkerTitle, ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        string[] codes = [Bureau, Market, Urban, Ecology, Jingyuan, Huancuilou, Zhudao];
        var ids = await db.OrgUnits.ForSystemJob().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        if (ids.Count != codes.Length)
            return; // not the demo tree
        var today = Dates.Today(db.Clock);
        var year = today.Year - 1;
        var anchor = today.AddYears(-1);
        // Spread over 1 January .. this day of last year: the k-th of n lands at k/n of the way.
        DateOnly At(int k, int n) => new DateOnly(year, 1, 1).AddDays((anchor.DayOfYear - 1) * k / n);
        static DateTime Utc(DateOnly d) => d.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc); // 10:00 Beijing time

        // 收件编号 continue last year's counter (if this year's demo already took numbers in it) and move it on.
        var counter = await db.LegCounters().ForSystemJob().FirstOrDefaultAsync(c => c.OrgUnitId == ids[Bureau] && c.Year == year && c.Kind == "matter", ct);
        if (counter is null)
            db.LegCounters().Add(counter = new LegalityCounter { OrgUnitId = ids[Bureau], Year = year, Kind = "matter" });

        // (kind, title, unit, comments as clause/text/adoption)
        (MatterKind Kind, string Title, string Unit, (string Clause, string Text, Adoption Answer)[] Comments)[] matters =
        [
            (MatterKind.Contract, MarkerTitle, Market, [("第五条", "合作期限与资产移交条款不明确，建议明确期满后设施归属", Adoption.Adopted), ("第九条", "违约金比例过高，建议按实际损失约定", Adoption.PartlyAdopted)]),
            (MatterKind.Contract, "环翠区城区道路保洁服务采购合同", Urban, [("第七条", "考核扣款标准应当量化并附考核细则", Adoption.Adopted)]),
            (MatterKind.Contract, "环翠区重点排污单位在线监测运维服务合同", Ecology, [("第四条", "数据质量责任应明确由运维方承担", Adoption.Adopted), ("第十一条", "争议解决应约定由甲方所在地人民法院管辖", Adoption.Adopted)]),
            (MatterKind.Contract, "环翠区文旅综合体招商引资项目投资协议", Jingyuan, [("第三条", "税收返还条款违反国家规定，应删除", Adoption.Adopted), ("第六条", "土地出让应依法通过招拍挂程序，不得约定定向出让", Adoption.Adopted), ("第八条", "投资强度考核应约定回购或违约责任", Adoption.NotAdopted)]),
            (MatterKind.NormativeDocument, "环翠区城市管理领域柔性执法清单（送审稿）", Urban, [("第二条", "不予处罚情形应与上位法规定一致", Adoption.Adopted), ("附件", "清单事项应列明法律依据条款", Adoption.Adopted)]),
            (MatterKind.NormativeDocument, "环翠区食品小作坊登记管理办法（送审稿）", Market, [("第六条", "增设的登记条件缺乏上位法依据，应删除", Adoption.Adopted)]),
            (MatterKind.NormativeDocument, "环翠区社区网格化服务管理办法（送审稿）", Bureau, [("第十条", "涉及公民权利义务的内容应当履行公开征求意见程序", Adoption.PartlyAdopted)]),
            (MatterKind.MajorDecision, "环翠区城乡环卫一体化改革方案", Urban, [("全文", "应当开展社会稳定风险评估并形成评估报告", Adoption.Adopted), ("第四部分", "收费标准调整应当举行听证", Adoption.Adopted)]),
            (MatterKind.MeetingTopic, "关于调整城区老旧小区物业补贴标准的议题", Zhudao, []),
            (MatterKind.MeetingTopic, "关于设立区级应急周转资金的议题", Bureau, [("第三条", "资金使用范围应当限定并明确审批程序", Adoption.Adopted)]),
            (MatterKind.FairCompetition, "环翠区支持总部经济发展若干政策", Market, [("第五条", "以注册地为条件给予奖励，应当删除或者调整", Adoption.PartlyAdopted)]),
            (MatterKind.LeaderInstruction, "关于鲸园街道征收补偿遗留问题的处理意见", Jingyuan, []),
            (MatterKind.RequestForComment, "威海市养犬管理条例（修订草案征求意见稿）", Bureau, [("第十八条", "建议明确街道办事处的管理职责", Adoption.Adopted)]),
        ];
        var list = new List<ReviewMatter>();
        for (var i = 0; i < matters.Length; i++)
        {
            var (kind, title, unit, comments) = matters[i];
            var submitted = At(i + 1, matters.Length + 1);
            var received = submitted.AddDays(1);
            var issued = received.AddDays(kind == MatterKind.MajorDecision ? 6 : 4);
            var answered = issued.AddDays(5);
            var m = new ReviewMatter
            {
                OrgUnitId = ids[unit], ReviewOrgUnitId = ids[Bureau], Year = year, Kind = kind, Title = title, Summary = Ledger, SubmittedOn = submitted, ReceivedOn = received,
                Number = $"环翠法审〔{year}〕{counter.Last + i + 1}号", ReviewerUserName = Reviewer, Advisers = i % 3 == 0 ? "山东大学（威海）法学院 王教授" : null,
                Status = MatterStatus.Closed, OpinionIssuedOn = issued, ClosedOn = answered,
                Conclusion = comments.Length == 0 ? OpinionConclusion.Lawful : OpinionConclusion.LawfulAfterChanges,
                // as a submission must (MatterDetails.Check): a 议题 names its meeting, a 征求意见 its source
                MeetingType = kind == MatterKind.MeetingTopic ? (i % 2 == 0 ? MeetingType.Executive : MeetingType.Special) : null,
                CommentSource = kind == MatterKind.RequestForComment ? CommentSource.Legislation : null,
            };
            for (var c = 0; c < comments.Length; c++)
                m.Comments.Add(new ReviewComment
                {
                    Seq = c + 1, Clause = comments[c].Clause, Text = comments[c].Text, Author = Reviewer, On = issued.AddDays(-1),
                    Adoption = comments[c].Answer, AnsweredOn = answered,
                    AdoptionReason = comments[c].Answer == Adoption.Adopted ? null : comments[c].Answer == Adoption.PartlyAdopted ? "结合实际作部分调整" : "项目已签约，经协商保留原条款",
                });
            m.Events.Add(new MatterEvent { Action = MatterAction.Receive, FromStatus = MatterStatus.Submitted, ToStatus = MatterStatus.Received, On = received, AtUtc = Utc(received), Actor = Reviewer, Note = Ledger });
            m.Events.Add(new MatterEvent { Action = MatterAction.IssueOpinion, FromStatus = MatterStatus.Reviewing, ToStatus = MatterStatus.OpinionIssued, On = issued, AtUtc = Utc(issued), Actor = Reviewer, Note = "审核意见书（纸质）" });
            m.Events.Add(new MatterEvent { Action = MatterAction.Close, FromStatus = MatterStatus.OpinionIssued, ToStatus = MatterStatus.Closed, On = answered, AtUtc = Utc(answered), Actor = Reviewer });
            list.Add(m);
        }
        counter.Last += matters.Length;
        counter.Version++;
        db.Matters().AddRange(list);

        // 规范性文件 published and filed last year (those reviewed above), in force: 2 政府, 2 部门 (one filed late).
        (string Title, DocumentLevel Level, string Unit, string Number, int Index, bool Late)[] documents =
        [
            ("环翠区城市管理领域柔性执法清单", DocumentLevel.Government, Urban, $"威环政规〔{year}〕1号", 4, false),
            ("环翠区社区网格化服务管理办法", DocumentLevel.Government, Bureau, $"威环政规〔{year}〕2号", 6, false),
            ("环翠区食品小作坊登记管理办法", DocumentLevel.Department, Market, $"威环市监规〔{year}〕1号", 5, true),
            ("环翠区生态环境行政处罚裁量基准适用规则", DocumentLevel.Department, Ecology, $"威环环规〔{year}〕1号", 7, false),
        ];
        foreach (var (title, level, unit, number, index, late) in documents)
        {
            var published = list[Math.Min(index, list.Count - 1)].ClosedOn!.Value.AddDays(10);
            if (published > anchor)
                published = anchor;
            var filed = published.AddDays(late ? 40 : 12);
            var d = new NormativeDocument
            {
                OrgUnitId = ids[unit], Level = level, Title = title, PlanYear = year, Status = DocumentStatus.Published,
                DeliberatedOn = published.AddDays(-5), Meeting = level == DocumentLevel.Government ? "区政府常务会议" : "局务会议",
                DocumentNumber = number, PublishedOn = published, ValidUntil = published.AddYears(5).AddDays(-1),
                FiledWithGovernmentOn = filed, FiledWithGovernmentLate = late,
                FiledWithCongressOn = level == DocumentLevel.Government ? filed : null,
            };
            d.Events.Add(new DocumentEvent { Action = DocumentAction.Publish, FromStatus = DocumentStatus.Deliberated, ToStatus = DocumentStatus.Published, On = published, AtUtc = Utc(published), Actor = Reviewer, Note = $"{number}（{Ledger}）" });
            d.Events.Add(new DocumentEvent { Action = DocumentAction.FileWithGovernment, FromStatus = DocumentStatus.Published, ToStatus = DocumentStatus.Published, On = filed, AtUtc = Utc(filed), Actor = Reviewer, Note = late ? "逾期报送备案" : null });
            db.NormativeDocuments().Add(d);
        }

        // 合同 filed last year (the four reviewed above), from last year's 台账.
        (string Code, int Index, ContractKind Kind, string Counterparty, long Yuan, int Years)[] contracts =
        [
            ($"HC-SJ-{year}-012", 0, ContractKind.Administrative, "威海某农贸市场管理有限公司", 3_200_000, 10),
            ($"HC-ZF-{year}-008", 1, ContractKind.Administrative, "威海某环境服务有限公司", 5_860_000, 3),
            ($"HC-HJ-{year}-003", 2, ContractKind.Administrative, "山东某环保科技有限公司", 420_000, 1),
            ($"HC-ZS-{year}-002", 3, ContractKind.Investment, "威海某文化旅游发展有限公司", 120_000_000, 5),
        ];
        foreach (var (code, index, kind, counterparty, yuan, years) in contracts)
        {
            var m = list[index];
            var signed = m.ClosedOn!.Value.AddDays(3);
            db.LegContracts().Add(new Contract
            {
                OrgUnitId = m.OrgUnitId, Kind = kind, Code = code, Name = m.Title, Counterparty = counterparty, AmountFen = yuan * 100,
                StartOn = signed, EndOn = signed.AddYears(years).AddDays(-1), KeyClauses = "标的、价款、履行期限、违约责任、争议解决", Status = ContractStatus.Filed,
                SignedOn = signed, FiledOn = signed.AddDays(7) > anchor ? anchor : signed.AddDays(7), Imported = true, Level = ContractLevel.Department,
            });
        }

        // 法律意见书 of the 政府法律顾问 last year (where the practice demo registered him).
        var adviser = await db.Set<LegalAdviser>().ForSystemJob().Where(a => a.Name == "王教授").Select(a => new { a.Id, a.OrgUnitId }).FirstOrDefaultAsync(ct);
        if (adviser is not null)
        {
            string[] opinions = ["关于城乡环卫一体化改革方案的法律意见书", "关于文旅综合体招商引资项目投资协议的法律意见书", "关于农贸市场升级改造合作协议的法律意见书"];
            for (var i = 0; i < opinions.Length; i++)
                db.Set<AdviserWork>().Add(new AdviserWork { AdviserId = adviser.Id, OrgUnitId = adviser.OrgUnitId, Kind = AdviserWorkKind.Opinion, On = At(3 * i + 2, 10), Subject = opinions[i] });
        }
        // 依法治区办: last year's meetings, 督察 with their rectification done, and 述法.
        var office = ids[Bureau];
        (MeetingKind Kind, string Title, string Agenda, string[] Decided)[] meetings =
        [
            (MeetingKind.Committee, $"中共威海市环翠区委全面依法治区委员会{year}年第一次会议", "审议年度依法治区工作要点；审议法治建设考核办法", ["审议通过年度依法治区工作要点", "各成员单位按季度报送法治建设工作进展"]),
            (MeetingKind.Office, $"区委依法治区办{year}年上半年工作调度会", "通报上半年法治建设考核情况；部署法治督察", ["对考核排名靠后的单位进行约谈"]),
            (MeetingKind.Coordination, $"区执法协调小组{year}年第二次会议", "研究涉企行政检查备案和联合检查", ["建立涉企行政检查计划备案制度"]),
        ];
        for (var i = 0; i < meetings.Length; i++)
        {
            var m = new OfficeMeeting
            {
                OrgUnitId = office, Kind = meetings[i].Kind, Title = meetings[i].Title, HeldOn = At(2 * i + 1, 7), Place = "区委第一会议室",
                Attendees = "委员会（办公室、协调小组）成员单位负责人", Agenda = meetings[i].Agenda,
            };
            for (var d = 0; d < meetings[i].Decided.Length; d++)
                m.Decisions.Add(new MeetingDecision { Seq = d + 1, Text = meetings[i].Decided[d] });
            db.OfficeMeetings().Add(m);
        }
        (string Unit, InspectionKind Kind, string Title, string Findings, string[] Items)[] inspections =
        [
            (Market, InspectionKind.OnSite, "市场监管领域行政执法“三项制度”实地督察", "部分案卷缺少法制审核意见；执法公示更新不及时", ["补齐重大执法决定法制审核意见", "执法信息7日内公示"]),
            (Jingyuan, InspectionKind.Written, "街道合法性审查全覆盖书面督察", "合法性审查台账不规范", ["规范合法性审查台账"]),
        ];
        for (var i = 0; i < inspections.Length; i++)
        {
            var held = At(3 * i + 2, 8);
            var x = new OfficeInspection { OrgUnitId = ids[inspections[i].Unit], OfficeOrgUnitId = office, Kind = inspections[i].Kind, Title = inspections[i].Title, HeldOn = held, Findings = inspections[i].Findings };
            for (var r = 0; r < inspections[i].Items.Length; r++)
                x.Items.Add(new OfficeRectification { Seq = r + 1, Text = inspections[i].Items[r], DueOn = held.AddDays(30), DoneOn = held.AddDays(20 + r), Result = "已整改到位" });
            db.Inspections().Add(x);
        }
        db.LawReports().Add(new LawReport { OrgUnitId = ids[Urban], Person = "王某", Position = "区综合行政执法局局长", Occasion = "区政府常务会议述法", On = At(1, 3), Evaluation = "好" });
        db.LawReports().Add(new LawReport { OrgUnitId = ids[Zhudao], Person = "赵某", Position = "竹岛街道党工委书记", Occasion = "年中述职述法", On = At(2, 3), Evaluation = "较好" });
        await db.SaveChangesAsync(ct);
    }
}
