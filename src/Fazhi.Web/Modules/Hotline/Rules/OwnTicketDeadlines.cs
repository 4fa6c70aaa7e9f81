namespace Fazhi.Web.Modules.Hotline.Rules;

/// <summary>
/// 本局工单办理时限 (tickets assigned to the 司法局 or a 司法所). No national statute fixes them (国办发〔2020〕53号 names
/// the closed loop 受理、调度、办理、回复、督办、办结、回访、评价 but no period); the project defaults follow the local
/// regulations DOMAIN.md §5.3 verified (docs/statutes/12345-hotline.md):
/// <list type="bullet">
/// <item>办理: 《潍坊市12345政务服务便民热线条例》(2021) 第二十条 — 承办单位 finish within 5 working days of receipt;</item>
/// <item>回复: 《济南市12345市民服务热线条例》(2018) 第二十四条 — reply within 5 working days;</item>
/// <item>签收 1 working day and 回访 within 3 working days of the reply are the bureau's own 办理办法 ([003]) defaults,
/// marked ◐ (configurable, never presented as law).</item>
/// </list>
/// Each period counts working days on the 调休 calendar from the day after the start (Kernel/Calendar).
/// </summary>
public sealed class OwnTicketOptions
{
    public int SignWorkingDays { get; set; } = 1;

    public int HandleWorkingDays { get; set; } = 5;

    public int ReplyWorkingDays { get; set; } = 5;

    public int RevisitWorkingDays { get; set; } = 3;

    /// <summary>The longest 延期 a request may ask for.</summary>
    public int MaxExtensionWorkingDays { get; set; } = 10;
}

/// <summary>The due dates of one of the bureau's own tickets, from its receipt (and reply) day.</summary>
public sealed record OwnDeadlines(DateOnly SignBy, DateOnly HandleBy, DateOnly ReplyBy, DateOnly? RevisitBy);

public static class OwnTicketDeadlines
{
    /// <summary>The due days from the receipt day, the reply day (for 回访) and the granted 延期; <paramref name="addWorkingDays"/>
    /// is the calendar's AddWorkingDays (the first counted day is the next working day).</summary>
    public static OwnDeadlines Compute(DateOnly received, DateOnly? replied, int extensionWorkingDays, OwnTicketOptions o,
        Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        var handle = addWorkingDays(received, o.HandleWorkingDays + extensionWorkingDays);
        var reply = addWorkingDays(received, Math.Max(o.ReplyWorkingDays, o.HandleWorkingDays) + extensionWorkingDays);
        return new OwnDeadlines(addWorkingDays(received, o.SignWorkingDays), handle, reply,
            replied is { } r ? addWorkingDays(r, o.RevisitWorkingDays) : null);
    }

    /// <summary>On time when done on or before the due day.</summary>
    public static bool OnTime(DateOnly done, DateOnly due) => done <= due;
}
