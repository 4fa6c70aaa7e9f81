using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features;

public sealed record PlanRequest(string? Title, string? Level, int? PlanYear, string? OrgCode = null);

/// <summary>One step of a 规范性文件's lifecycle; each step reads its own fields.</summary>
public sealed record DocumentStepRequest(DateOnly? On = null, string? Meeting = null, string? DocumentNumber = null, DateOnly? ValidUntil = null,
    string? Note = null, string? Summary = null);

public sealed record ContractRequest(string? Kind, string? Code, string? Name, string? Counterparty, decimal? Amount, DateOnly? StartOn, DateOnly? EndOn,
    string? KeyClauses, string? OrgCode = null, DateOnly? SubmittedOn = null, string? Level = null, bool? KeyProject = null, string? KeyProjectName = null);

/// <summary>规范性文件 and 合同 registers: their lifecycles around the review workflow.</summary>
public sealed class DocumentService(FazhiDb db, ReviewService reviews, CalendarService calendar, TimerSync timers)
{
    public const string DocumentTimerPrefix = "document:";

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => reviews.Today;

    public async Task<NormativeDocument> PlanAsync(PlanRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 200)
            errors["title"] = ["请填写文件名称（200字以内）"];
        var level = LegalityNames.Parse<DocumentLevel>(r.Level, LegalityNames.Of);
        if (level is null)
            errors["level"] = ["文件类别应为“政府规范性文件”或“部门规范性文件”"];
        var year = r.PlanYear ?? Today.Year;
        if (year < Today.Year - 5 || year > Today.Year + 1)
            errors["planYear"] = [$"计划年度应在{Today.Year - 5}至{Today.Year + 1}年之间"];
        var unit = await UnitAsync(r.OrgCode, errors, ct);
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var d = new NormativeDocument { OrgUnitId = unit!.Value, Level = level!.Value, Title = r.Title!.Trim(), PlanYear = year };
        d.Plan(db.Actor.UserName, NowUtc, Today);
        db.NormativeDocuments().Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }

    private async Task<int?> UnitAsync(string? orgCode, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(orgCode))
        {
            if (db.Actor.OrgUnitId is null)
                errors["orgCode"] = ["请指定单位"];
            return db.Actor.OrgUnitId;
        }
        var id = await db.OrgUnits.AsNoTracking().Where(o => o.Code == orgCode.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (id is null)
            errors["orgCode"] = [$"单位“{orgCode}”不存在或不在您的数据权限范围内"];
        return id;
    }

    public async Task<NormativeDocument> GetAsync(long id, CancellationToken ct) =>
        await db.NormativeDocuments().Include(d => d.Events.OrderBy(e => e.AtUtc)).FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException($"规范性文件（编号{id}）不存在或不在您的数据权限范围内。");

    public IReadOnlyList<DeadlineSpec> Deadlines(NormativeDocument d) => DocumentDeadlines.Compute(d, reviews.Options.FilingDays, calendar.Current);

    public Task SyncTimersAsync(NormativeDocument d, CancellationToken ct) =>
        timers.SyncAsync(ReviewService.Module, d.Id, d.OrgUnitId, [.. Deadlines(d).Select(x => x with { Kind = DocumentTimerPrefix + x.Kind })], ct, DocumentTimerPrefix);

    public static readonly string[] Steps = ["start-drafting", "submit-for-review", "deliberate", "publish", "file-with-government", "file-with-congress", "evaluate", "repeal"];

    public async Task<NormativeDocument> StepAsync(long id, string step, DocumentStepRequest r, CancellationToken ct)
    {
        var d = await GetAsync(id, ct);
        var on = r.On ?? Today;
        if (on > Today)
            throw FazhiValidationException.For("on", "日期不能晚于今天。");
        var actor = db.Actor.UserName;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        switch (step)
        {
            case "start-drafting":
                d.StartDrafting(on, actor, NowUtc);
                break;
            case "submit-for-review":
                if (!NormativeDocument.IsAllowed(d.Status, DocumentAction.SubmitForReview))
                    throw new ConflictException($"文件当前状态为“{LegalityNames.Of(d.Status)}”，不能送合法性审核。");
                var unitCode = (await db.Orgs.GetAsync(d.OrgUnitId, ct)).Code;
                await reviews.SubmitAsync(new SubmitRequest("规范性文件", d.Title, r.Summary, null, on, unitCode), ct, m =>
                {
                    m.NormativeDocumentId = d.Id;
                    d.SubmitForReview(m.Id, on, actor, NowUtc);
                    return Task.CompletedTask;
                });
                break;
            case "deliberate":
                var review = d.ReviewMatterId is { } mid ? await db.Matters().FirstOrDefaultAsync(m => m.Id == mid, ct) : null;
                d.Deliberate(review, r.Meeting ?? "", on, actor, NowUtc);
                break;
            case "publish":
                d.Publish(r.DocumentNumber ?? "", on, r.ValidUntil ?? on.AddYears(reviews.Options.DefaultValidityYears).AddDays(-1), actor, NowUtc);
                break;
            case "file-with-government":
            case "file-with-congress":
                if (d.PublishedOn is not { } published)
                    throw new ConflictException("文件尚未公布，不能备案。");
                d.File(step == "file-with-congress", on, DocumentDeadlines.FilingDue(published, reviews.Options.FilingDays, calendar.Current), actor, NowUtc);
                break;
            case "evaluate":
                d.Evaluate(r.Note ?? "", on, actor, NowUtc);
                break;
            case "repeal":
                d.Repeal(string.IsNullOrWhiteSpace(r.Note) ? "决定废止" : r.Note.Trim(), on, actor, NowUtc);
                break;
            default:
                throw new NotFoundException($"没有“{step}”这一操作。");
        }
        await SyncTimersAsync(d, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return d;
    }

    // ---- 清理 ----

    /// <summary>Starts a 清理 campaign listing every document in force in the caller's area.</summary>
    public async Task<CleanupCampaign> StartCleanupAsync(string? title, CancellationToken ct)
    {
        if (db.Actor.OrgUnitId is not { } own)
            throw FazhiValidationException.For("orgCode", "请以司法局账号发起清理");
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
            throw FazhiValidationException.For("title", "请填写清理名称（200字以内）");
        var inForce = await db.NormativeDocuments().Where(d => d.Status == DocumentStatus.Published).OrderBy(d => d.PublishedOn).Select(d => d.Id).ToListAsync(ct);
        if (inForce.Count == 0)
            throw new ConflictException("没有现行有效的规范性文件，无需清理。");
        var c = new CleanupCampaign { OrgUnitId = own, Title = title.Trim(), StartedOn = Today, Items = [.. inForce.Select(id => new CleanupItem { DocumentId = id })] };
        db.Cleanups().Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<CleanupCampaign> GetCleanupAsync(long id, CancellationToken ct) =>
        await db.Cleanups().Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"清理（编号{id}）不存在或不在您的数据权限范围内。");

    public async Task<CleanupCampaign> DecideAsync(long campaignId, long documentId, string? decision, string? note, CancellationToken ct)
    {
        var c = await GetCleanupAsync(campaignId, ct);
        if (c.ClosedOn is not null)
            throw new ConflictException("该清理已结束。");
        var item = c.Items.FirstOrDefault(i => i.DocumentId == documentId)
            ?? throw FazhiValidationException.For("documentId", "该文件不在本次清理目录中");
        item.Decision = LegalityNames.Parse<CleanupDecision>(decision, LegalityNames.Of)
            ?? throw FazhiValidationException.For("decision", "清理结论应为“继续有效”“修改”或“废止”");
        if (item.Decision != CleanupDecision.Keep && string.IsNullOrWhiteSpace(note))
            throw FazhiValidationException.For("note", "修改或废止的，请说明理由");
        item.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>结束清理: every document has its decision; the repeals take effect today, in one transaction.</summary>
    public async Task<CleanupCampaign> CloseCleanupAsync(long campaignId, CancellationToken ct)
    {
        var c = await GetCleanupAsync(campaignId, ct);
        if (c.ClosedOn is not null)
            throw new ConflictException("该清理已结束。");
        var open = c.Items.Count(i => i.Decision is null);
        if (open > 0)
            throw new ConflictException($"还有{open}件文件未作出清理结论，不能结束清理。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var item in c.Items.Where(i => i.Decision == CleanupDecision.Repeal))
        {
            var d = await GetAsync(item.DocumentId, ct);
            if (d.InForce)
            {
                d.Repeal($"{c.Title}：{item.Note}", Today, db.Actor.UserName, NowUtc);
                await SyncTimersAsync(d, ct);
            }
        }
        c.ClosedOn = Today;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    // ---- 合同 ----

    public async Task<Contract> RegisterContractAsync(ContractRequest r, bool submitForReview, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = LegalityNames.Parse<ContractKind>(r.Kind, LegalityNames.Of);
        if (kind is null)
            errors["kind"] = ["合同类别应为“机关事业单位合同”或“招商引资合同”"];
        if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Length > 64)
            errors["code"] = ["请填写合同编号（64字以内）"];
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200)
            errors["name"] = ["请填写合同名称（200字以内）"];
        if (string.IsNullOrWhiteSpace(r.Counterparty) || r.Counterparty.Length > 200)
            errors["counterparty"] = ["请填写合同相对方（200字以内）"];
        if (r.Amount is null or < 0 or > 100_000_000_000m)
            errors["amount"] = ["合同金额应为0至1000亿元之间的数（元）"];
        if (r.StartOn is null)
            errors["startOn"] = ["请填写合同起始日期"];
        if (r.EndOn is null)
            errors["endOn"] = ["请填写合同终止日期"];
        else if (r.StartOn is { } s && r.EndOn < s)
            errors["endOn"] = [$"合同终止日期{r.EndOn:yyyy-MM-dd}早于起始日期{s:yyyy-MM-dd}"];
        if (r.KeyClauses is { Length: > 2000 })
            errors["keyClauses"] = ["主要条款不能超过2000字"];
        var level = string.IsNullOrWhiteSpace(r.Level) ? ContractLevel.Department : LegalityNames.Parse<ContractLevel>(r.Level, LegalityNames.Of);
        if (level is null)
            errors["level"] = ["签约主体应为“政府合同”（以区政府名义签订）或“部门合同”"];
        MatterDetails.CheckKeyProject(r.KeyProject == true, r.KeyProjectName, errors);
        var unit = await UnitAsync(r.OrgCode, errors, ct);
        if (unit is not null && !errors.ContainsKey("code") && await db.LegContracts().AnyAsync(c => c.OrgUnitId == unit && c.Code == r.Code!.Trim(), ct))
            errors["code"] = [$"合同编号“{r.Code}”已登记"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var contract = new Contract
        {
            OrgUnitId = unit!.Value, Kind = kind!.Value, Level = level!.Value, Code = r.Code!.Trim(), Name = r.Name!.Trim(), Counterparty = r.Counterparty!.Trim(),
            AmountFen = (long)Math.Round(r.Amount!.Value * 100m, MidpointRounding.AwayFromZero), StartOn = r.StartOn!.Value, EndOn = r.EndOn!.Value,
            KeyClauses = string.IsNullOrWhiteSpace(r.KeyClauses) ? null : r.KeyClauses.Trim(), Status = ContractStatus.Draft,
            KeyProject = r.KeyProject == true, KeyProjectName = string.IsNullOrWhiteSpace(r.KeyProjectName) ? null : r.KeyProjectName.Trim(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LegContracts().Add(contract);
        await db.SaveChangesAsync(ct);
        if (submitForReview)
            await SubmitContractAsync(contract, r.SubmittedOn, ct);
        await tx.CommitAsync(ct);
        return contract;
    }

    private async Task SubmitContractAsync(Contract contract, DateOnly? submittedOn, CancellationToken ct)
    {
        var unitCode = (await db.Orgs.GetAsync(contract.OrgUnitId, ct)).Code;
        await reviews.SubmitAsync(new SubmitRequest("合同", contract.Name,
            $"{LegalityNames.Of(contract.Kind)}；相对方：{contract.Counterparty}；金额{contract.AmountFen / 100m:#,0.00}元；期限{contract.StartOn:yyyy-MM-dd}至{contract.EndOn:yyyy-MM-dd}" +
            (contract.KeyClauses is null ? "" : $"；主要条款：{contract.KeyClauses}"), null, submittedOn, unitCode), ct, m =>
        {
            m.ContractId = contract.Id;
            contract.ReviewMatterId = m.Id;
            contract.Status = ContractStatus.UnderReview;
            contract.Version++;
            return Task.CompletedTask;
        });
    }

    public async Task<Contract> GetContractAsync(long id, CancellationToken ct) =>
        await db.LegContracts().Include(c => c.Milestones).Include(c => c.Breaches).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"合同（编号{id}）不存在或不在您的数据权限范围内。");

    /// <summary>合同备案: after its review gave an opinion that is not 不合法.</summary>
    public async Task<Contract> FileContractAsync(long id, DateOnly? on, DateOnly? signedOn, CancellationToken ct)
    {
        var c = await GetContractAsync(id, ct);
        var day = on ?? Today;
        if (day > Today)
            throw FazhiValidationException.For("on", "日期不能晚于今天。");
        var review = c.ReviewMatterId is { } mid ? await db.Matters().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct) : null;
        if (review is null || review.Status is not (MatterStatus.OpinionIssued or MatterStatus.Closed))
            throw new ConflictException("合同未经合法性审查出具意见，不能备案。");
        if (review.Conclusion == OpinionConclusion.Unlawful)
            throw new ConflictException("合法性审查结论为“不合法”的合同，不能备案。");
        if (c.FiledOn is not null)
            throw new ConflictException("该合同已备案。");
        c.SignedOn = signedOn ?? c.SignedOn ?? day;
        if (c.SignedOn > day)
            throw FazhiValidationException.For("signedOn", "签订日期不能晚于备案日期");
        c.FiledOn = day;
        c.Status = ContractStatus.Filed;
        c.Version++;
        await db.SaveChangesAsync(ct);
        return c;
    }
}
