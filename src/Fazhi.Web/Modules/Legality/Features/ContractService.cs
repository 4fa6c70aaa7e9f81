using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Messages;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Legality.Features;

public sealed record MilestoneDto(long Id, string Kind, string KindName, string Title, string DueOn, decimal? Amount, string? DoneOn, string? Note, string State);

public sealed record BreachDto(long Id, string On, string Clause, string Description, string? Handling, string RecordedBy);

/// <summary>合同 as the API answers it: enums as their Chinese names beside the code, money in 元, dates ISO.</summary>
public sealed record ContractDto(long Id, string Code, string Name, string Kind, string KindName, string Level, string LevelName, string Unit, string Counterparty,
    decimal Amount, string StartOn, string EndOn, string? KeyClauses, string Status, string StatusName, long? ReviewMatterId, string? ReviewNumber,
    string? OpinionNumber, string? Conclusion, string? SignedOn, string? FiledOn, string? EndedOn, bool Imported, IReadOnlyList<MilestoneDto> Milestones,
    IReadOnlyList<BreachDto> Breaches, IReadOnlyList<MatterDeadlineDto> Deadlines)
{
    /// <summary>重点项目 (重点签约落户项目) and its name.</summary>
    public bool KeyProject { get; init; }
    public string? KeyProjectName { get; init; }
}

public sealed record MilestoneRequest(string? Kind, string? Title, DateOnly? DueOn, decimal? Amount, string? Note);

public sealed record CompleteMilestoneRequest(DateOnly? On, string? Note);

public sealed record BreachRequest(DateOnly? On, string? Clause, string? Description, string? Handling);

public sealed record EndContractRequest(DateOnly? On, string? Outcome);

/// <summary>合同履约监管: 履行/付款节点 as Kernel timers, 违约记录, 到期提醒, 履行完毕/终止; the expiry handler sends 站内消息
/// to the signing unit. Timers live under their own module key (<see cref="TimerModule"/>) so a contract's id never meets
/// a matter's or a document's.</summary>
public sealed class ContractService(FazhiDb db, DocumentService documents, TimerSync timers, IOptions<ContractOptions> options, DeadlinePolicy policy)
{
    public const string TimerModule = "legality-contract";

    private DateOnly Today => DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));

    public int ReminderDays => Math.Clamp(options.Value.ExpiryReminderDays, 1, 365);

    public async Task<Contract> GetAsync(long id, CancellationToken ct) =>
        await db.LegContracts().Include(c => c.Milestones).Include(c => c.Breaches).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"合同（编号{id}）不存在或不在您的数据权限范围内。");

    public IReadOnlyList<DeadlineSpec> Deadlines(Contract c) => ContractDeadlines.Compute(c, ReminderDays);

    public Task SyncTimersAsync(Contract c, CancellationToken ct) => timers.SyncAsync(TimerModule, c.Id, c.OrgUnitId, Deadlines(c), ct);

    private async Task<Contract> ChangeAsync(long id, Action<Contract> change, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        change(c);
        await db.SaveChangesAsync(ct); // new milestones get their ids before the timers name them
        await SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    private DateOnly NotFuture(DateOnly? on, string field = "on")
    {
        var day = on ?? Today;
        if (day > Today)
            throw FazhiValidationException.For(field, "日期不能晚于今天。");
        return day;
    }

    public Task<Contract> AddMilestoneAsync(long id, MilestoneRequest r, CancellationToken ct)
    {
        var kind = LegalityNames.Parse<MilestoneKind>(r.Kind, LegalityNames.Of) ?? (string.IsNullOrWhiteSpace(r.Kind) ? MilestoneKind.Milestone
            : throw FazhiValidationException.For("kind", "节点类别应为“履行节点”或“付款节点”"));
        return ChangeAsync(id, c => c.AddMilestone(kind, r.Title, r.DueOn, r.Amount, r.Note), ct);
    }

    public Task<Contract> CompleteMilestoneAsync(long id, long milestoneId, CompleteMilestoneRequest r, CancellationToken ct)
    {
        var on = NotFuture(r.On);
        return ChangeAsync(id, c => c.CompleteMilestone(milestoneId, on, r.Note), ct);
    }

    public Task<Contract> RecordBreachAsync(long id, BreachRequest r, CancellationToken ct)
    {
        if (r.On is { } d && d > Today)
            throw FazhiValidationException.For("on", "违约日期不能晚于今天。");
        return ChangeAsync(id, c => c.RecordBreach(r.On, r.Clause, r.Description, r.Handling, db.Actor.UserName), ct);
    }

    public Task<Contract> EndAsync(long id, EndContractRequest r, CancellationToken ct)
    {
        var on = NotFuture(r.On);
        var completed = r.Outcome switch
        {
            "履行完毕" or "completed" => true,
            "终止" or "terminated" => false,
            _ => throw FazhiValidationException.For("outcome", "请选择“履行完毕”或“终止”"),
        };
        return ChangeAsync(id, c => c.End(completed, on), ct);
    }

    /// <summary>备案 (须已出具合法性审查意见), then the term's timers start.</summary>
    public async Task<Contract> FileAsync(long id, DateOnly? on, DateOnly? signedOn, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await documents.FileContractAsync(id, on, signedOn, ct);
        var c = await GetAsync(id, ct);
        await SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    public async Task<ContractDto> DtoAsync(Contract c, CancellationToken ct)
    {
        var review = c.ReviewMatterId is { } mid
            ? await db.Matters().AsNoTracking().Where(m => m.Id == mid).Select(m => new { m.Number, m.OpinionNumber, m.Conclusion }).FirstOrDefaultAsync(ct)
            : null;
        var unit = (await db.Orgs.GetAsync(c.OrgUnitId, ct)).Name;
        return new ContractDto(c.Id, c.Code, c.Name, c.Kind.ToString(), LegalityNames.Of(c.Kind), c.Level.ToString(), LegalityNames.Of(c.Level), unit, c.Counterparty,
            c.AmountFen / 100m, Iso(c.StartOn), Iso(c.EndOn), c.KeyClauses, c.Status.ToString(), LegalityNames.Of(c.Status), c.ReviewMatterId, review?.Number,
            review?.OpinionNumber, review?.Conclusion is { } k ? LegalityNames.Of(k) : null, Iso(c.SignedOn), Iso(c.FiledOn), Iso(c.EndedOn), c.Imported,
            [.. c.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => new MilestoneDto(m.Id, m.Kind.ToString(), LegalityNames.Of(m.Kind), m.Title, Iso(m.DueOn),
                m.AmountFen is { } f ? f / 100m : null, Iso(m.DoneOn), m.Note,
                m.DoneOn is not null ? "已完成" : !c.Open ? "—" : m.DueOn < Today ? "逾期未完成" : policy.StateOf(m.DueOn, Today).ChineseName()))],
            [.. c.Breaches.OrderBy(b => b.On).ThenBy(b => b.Id).Select(b => new BreachDto(b.Id, Iso(b.On), b.Clause, b.Description, b.Handling, b.RecordedBy))],
            [.. Deadlines(c).Select(d => new MatterDeadlineDto(d.Kind, d.Title, Iso(d.DueOn), d.Status.ToString(),
                d.Status == DeadlineStatus.Completed ? "已完成" : policy.StateOf(d.DueOn, Today).ChineseName(), d.Explanation))])
            { KeyProject = c.KeyProject, KeyProjectName = c.KeyProjectName };
    }

    private static string Iso(DateOnly d) => HolidayFile.Iso(d);

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
}

/// <summary>A contract timer ran out: 站内消息 to the signing unit's contract managers (the department's own users, not the
/// bureau above it), naming the node or the end date. Nothing else changes: performance is the department's to record.</summary>
internal sealed class ContractTimerHandler(FazhiDb db, IMessages messages) : ITimerExpiryHandler
{
    public string Module => ContractService.TimerModule;

    public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
    {
        var c = await db.LegContracts().Include(x => x.Milestones).FirstOrDefaultAsync(x => x.Id == timer.OwnerId, ct);
        if (c is null || !c.Open)
            return;
        string title;
        string body;
        if (timer.Kind.StartsWith(ContractDeadlines.Milestone, StringComparison.Ordinal))
        {
            var id = long.Parse(timer.Kind[ContractDeadlines.Milestone.Length..], System.Globalization.CultureInfo.InvariantCulture);
            var m = c.Milestones.FirstOrDefault(x => x.Id == id);
            if (m is null || m.DoneOn is not null)
                return;
            title = $"合同履约节点逾期：{c.Name}";
            body = $"合同“{c.Name}”（{c.Code}）的{LegalityNames.Of(m.Kind)}“{m.Title}”约定于{m.DueOn:yyyy年M月d日}完成，至今未登记完成。请核实履约情况；相对方违约的，请登记违约记录并依约处理。";
        }
        else if (timer.Kind == ContractDeadlines.ExpiryReminder)
        {
            title = $"合同即将到期：{c.Name}";
            body = $"合同“{c.Name}”（{c.Code}）将于{c.EndOn:yyyy年M月d日}期限届满，请及时办理验收、结算或续签。";
        }
        else if (timer.Kind == ContractDeadlines.End)
        {
            title = $"合同期限已届满：{c.Name}";
            body = $"合同“{c.Name}”（{c.Code}）已于{c.EndOn:yyyy年M月d日}期限届满，请确认履行完毕或办理终止。";
        }
        else
        {
            return;
        }
        var holders = db.RolePermissions.Where(p => p.Permission == LegalityPermissions.ContractManage).Select(p => p.RoleId);
        var recipients = await db.Users.ForSystemJob().AsNoTracking()
            .Where(u => u.IsActive && u.OrgUnitId == c.OrgUnitId && db.UserRoles.Any(ur => ur.UserId == u.Id && holders.Contains(ur.RoleId)))
            .Select(u => u.UserName!).ToListAsync(ct);
        await messages.SendAsync(ReviewService.Module, recipients, title, body, $"/legality/contracts/{c.Id}", ct);
    }
}
