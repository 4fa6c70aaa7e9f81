using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features.Actions;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Legality.Features;

/// <summary>送审: what a department or town sends (its own unit unless it names one of its units).</summary>
public sealed record SubmitRequest(string? Kind, string? Title, string? Summary, string? SubmittedBy, DateOnly? SubmittedOn, string? OrgCode = null)
{
    /// <summary>会议类型 of a 常务会/专题会议题 (政府常务会议、专题会议、其他会议); required for a 议题, refused on any other kind.</summary>
    public string? MeetingType { get; init; }

    /// <summary>征求意见来源 (立法调研征求意见（法规规章草案）、上级规范性文件征求意见、配合部门征求意见、其他征求意见); required for a 征求意见.</summary>
    public string? CommentSource { get; init; }
}

/// <summary>The handlers of the review workflow, shared by the API and the pages.</summary>
public sealed class ReviewService(FazhiDb db, CalendarService calendar, TimerSync timers, IOptions<LegalityOptions> options, DeadlinePolicy deadlinePolicy)
{
    public const string Module = "legality";
    public const string MatterTimerPrefix = "matter:";

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    public LegalityOptions Options => options.Value;

    public async Task<ReviewMatter> SubmitAsync(SubmitRequest r, CancellationToken ct, Func<ReviewMatter, Task>? link = null)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = LegalityNames.Parse<MatterKind>(r.Kind, LegalityNames.Of);
        if (kind is null)
            errors["kind"] = ["请选择送审事项类别（规范性文件、合同、重大行政决策、常务会/专题会议题、区领导批办件、征求意见、公平竞争审查、其他）"];
        var (meeting, source) = MatterDetails.Check(kind, r.MeetingType, r.CommentSource, errors);
        if (string.IsNullOrWhiteSpace(r.Title))
            errors["title"] = ["请填写送审事项名称"];
        else if (r.Title.Length > 200)
            errors["title"] = ["送审事项名称不能超过200个字符"];
        if (r.Summary is { Length: > 2000 })
            errors["summary"] = ["送审说明不能超过2000个字符"];
        if (r.SubmittedBy is { Length: > 64 })
            errors["submittedBy"] = ["送审人不能超过64个字符"];
        var on = r.SubmittedOn ?? Today;
        if (on > Today)
            errors["submittedOn"] = ["送审日期不能晚于今天"];
        var unit = await OwnUnitAsync(r.OrgCode, errors, ct);
        var reviewer = unit is null ? null : await ReviewBodyOfAsync(unit, ct);
        if (unit is not null && reviewer is null)
            errors["orgCode"] = [$"“{unit.Name}”所在地区没有司法局，无法送审"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        var m = new ReviewMatter
        {
            OrgUnitId = unit!.Id, ReviewOrgUnitId = reviewer!.Id, Year = on.Year, Kind = kind!.Value, Title = r.Title!.Trim(),
            Summary = string.IsNullOrWhiteSpace(r.Summary) ? null : r.Summary.Trim(), SubmittedBy = string.IsNullOrWhiteSpace(r.SubmittedBy) ? db.Actor.UserName : r.SubmittedBy.Trim(),
            SubmittedOn = on, MeetingType = meeting, CommentSource = source,
        };
        m.Submit(db.Actor.UserName, NowUtc, $"{unit.Name}送审（{LegalityNames.Of(m.Kind)}）");
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Matters().Add(m);
        await db.SaveChangesAsync(ct);
        if (link is not null)
            await link(m);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return m;
    }

    private async Task<OrgEntry?> OwnUnitAsync(string? orgCode, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(orgCode))
        {
            if (db.Actor.OrgUnitId is not { } own)
            {
                errors["orgCode"] = ["请指定送审单位"];
                return null;
            }
            return await db.Orgs.GetAsync(own, ct);
        }
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct);
        if (unit is null)
        {
            errors["orgCode"] = [$"单位“{orgCode}”不存在或不在您的数据权限范围内"];
            return null;
        }
        return await db.Orgs.GetAsync(unit.Id, ct);
    }

    /// <summary>The 司法局 of the region the unit belongs to (a department's or town's district).</summary>
    public async Task<OrgEntry?> ReviewBodyOfAsync(OrgEntry unit, CancellationToken ct)
    {
        var path = unit.Path;
        while (true)
        {
            var trimmed = path.TrimEnd('/');
            var cut = trimmed.LastIndexOf('/');
            if (cut <= 0)
                return null;
            var parentPath = trimmed[..(cut + 1)];
            var parent = await db.Orgs.FindByPathAsync(parentPath, ct);
            if (parent is null)
                return null;
            if (parent.Kind.IsRegion())
            {
                var bureau = (await db.Orgs.UnderAsync(parent.Path, ct, OrgKind.JusticeBureau)).FirstOrDefault(o => o.Depth == parent.Depth + 1);
                if (bureau is not null)
                    return bureau;
            }
            path = parentPath;
        }
    }

    public async Task<ReviewMatter> GetAsync(long id, CancellationToken ct) =>
        await db.Matters().Include(m => m.Comments.OrderBy(c => c.Seq)).Include(m => m.Pauses).Include(m => m.Events.OrderBy(e => e.AtUtc))
            .FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw new NotFoundException($"送审事项（编号{id}）不存在或不在您的数据权限范围内。");

    public async Task<string?> ProvinceOfAsync(int orgUnitId, CancellationToken ct)
    {
        var path = (await db.Orgs.GetAsync(orgUnitId, ct)).Path;
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
    }

    public async Task<IReadOnlyList<DeadlineSpec>> DeadlinesAsync(ReviewMatter m, CancellationToken ct)
    {
        var period = ReviewDeadlines.PeriodFor(m.Kind, await ProvinceOfAsync(m.OrgUnitId, ct), options.Value);
        return ReviewDeadlines.Compute(m, period, options.Value.AdoptionWorkingDays, calendar.Current, Today);
    }

    public async Task SyncTimersAsync(ReviewMatter m, CancellationToken ct) =>
        await timers.SyncAsync(Module, m.Id, m.OrgUnitId, [.. (await DeadlinesAsync(m, ct)).Select(d => d with { Kind = MatterTimerPrefix + d.Kind })], ct, MatterTimerPrefix);

    /// <summary>Applies one action through its handler in one transaction: numbers allotted, the aggregate stepped (it
    /// enforces the transition table), the 审核意见书 written when the opinion is issued, the timers re-derived.</summary>
    public async Task<ReviewMatter> ActAsync(long id, MatterAction action, MatterActionRequest r, CancellationToken ct)
    {
        var handler = MatterActions.Find(action) ?? throw new ConflictException($"不支持的操作“{ReviewStateMachine.NameOf(action)}”。");
        var m = await GetAsync(id, ct);
        var on = r.On ?? Today;
        if (on > Today)
            throw FazhiValidationException.For("on", "日期不能晚于今天。");
        if (action == MatterAction.Assign && !string.IsNullOrWhiteSpace(r.Reviewer) &&
            !await db.VisibleUsers().AnyAsync(u => u.UserName == r.Reviewer.Trim() && u.IsActive, ct))
            throw FazhiValidationException.For("reviewer", $"审查人“{r.Reviewer}”不存在或不在您的机构范围内");
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        string? number = null;
        if (ReviewStateMachine.IsAllowed(m.Status, action))
        {
            if (action == MatterAction.Receive)
                number = await NextNumberAsync(m.ReviewOrgUnitId, "matter", on.Year, options.Value.NumberPattern, ct);
            else if (action == MatterAction.IssueOpinion)
                number = await NextNumberAsync(m.ReviewOrgUnitId, "opinion", on.Year, options.Value.OpinionNumberPattern, ct);
        }
        handler.Apply(m, r, new MatterActionContext(on, NowUtc, db.Actor.UserName, number));
        if (action == MatterAction.IssueOpinion)
            db.Opinions().Add(await OpinionDocxAsync(m, ct));
        await SyncTimersAsync(m, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return m;
    }

    private async Task<string> NextNumberAsync(int bureauId, string kind, int year, string pattern, CancellationToken ct)
    {
        var counter = await db.LegCounters().FirstOrDefaultAsync(c => c.OrgUnitId == bureauId && c.Year == year && c.Kind == kind, ct);
        if (counter is null)
            db.LegCounters().Add(counter = new LegalityCounter { OrgUnitId = bureauId, Year = year, Kind = kind });
        counter.Last++;
        counter.Version++;
        var bureau = await db.Orgs.GetAsync(bureauId, ct);
        return pattern.Replace("{prefix}", ShortName(bureau.Name), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{seq}", counter.Last.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>环翠区司法局 → 环翠.</summary>
    public static string ShortName(string name)
    {
        foreach (var suffix in new[] { "司法局", "司法厅" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        return name.Length > 2 && (name.EndsWith('区') || name.EndsWith('市') || name.EndsWith('县')) ? name[..^1] : name;
    }

    /// <summary>审核意见书 (.docx, GB/T 9704 via Kernel/Documents): addressed to the submitting unit, each comment with its
    /// clause and number, the conclusion, and the request to answer adoption comment by comment.</summary>
    private async Task<OpinionDocument> OpinionDocxAsync(ReviewMatter m, CancellationToken ct)
    {
        var unit = await db.Orgs.GetAsync(m.OrgUnitId, ct);
        var bureau = await db.Orgs.GetAsync(m.ReviewOrgUnitId, ct);
        var paragraphs = new List<string>
        {
            $"你单位于{ChineseDate(m.SubmittedOn)}报送的《{m.Title}》（{LegalityNames.Of(m.Kind)}，收件编号{m.Number}）收悉。本局于{ChineseDate(m.ReceivedOn!.Value)}收件，" +
            $"经对制定主体、权限、程序和内容进行合法性审查" + (string.IsNullOrEmpty(m.Advisers) ? "" : $"，并听取法律顾问{m.Advisers}的意见") + "，现提出审核意见如下：",
        };
        if (m.Comments.Count == 0)
            paragraphs.Add("经审查，未发现违反法律、法规、规章规定的内容，无修改意见。");
        else
            paragraphs.AddRange(m.Comments.OrderBy(c => c.Seq).Select(c => $"{ChineseNumber(c.Seq)}、关于{c.Clause}：{c.Text}" + ("。；！？".Contains(c.Text[^1], StringComparison.Ordinal) ? "" : "。")));
        paragraphs.Add($"审查结论：{LegalityNames.Of(m.Conclusion!.Value)}。");
        if (m.Comments.Count > 0)
            paragraphs.Add($"请你单位自收到本意见书之日起{options.Value.AdoptionWorkingDays}个工作日内逐条反馈采纳情况；不予采纳或者部分采纳的，请说明理由。");
        paragraphs.Add("本意见仅供你单位决策参考，不代替集体讨论决定。");
        return new OpinionDocument
        {
            MatterId = m.Id, OrgUnitId = m.OrgUnitId, Number = m.OpinionNumber!, CreatedAtUtc = NowUtc, CreatedBy = db.Actor.UserName,
            Content = OfficialDocument.Write(new OfficialDocument.Content("合法性审查意见书", m.OpinionNumber!, unit.NameForDocuments, paragraphs, bureau.NameForDocuments,
                ChineseDate(m.OpinionIssuedOn!.Value))),
        };
    }

    public async Task<OpinionDocument> OpinionAsync(long matterId, CancellationToken ct) =>
        await db.Opinions().AsNoTracking().Where(d => d.MatterId == matterId).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("该事项尚未出具审核意见书。");

    public async Task<string> UnitNameAsync(int id, CancellationToken ct) => (await db.Orgs.GetAsync(id, ct)).Name;

    /// <summary>正常 / 即将到期 / 已逾期 of an open deadline today (the platform's one rule).</summary>
    public DeadlineState StateOf(DateOnly due) => deadlinePolicy.StateOf(due, Today);

    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string ChineseNumber(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
