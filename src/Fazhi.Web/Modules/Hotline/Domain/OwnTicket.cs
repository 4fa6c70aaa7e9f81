using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Hotline.Domain;

public static class TicketLimits
{
    /// <summary>诉求内容 and 答复 at most this many characters (a 12345 ticket's text is a few hundred).</summary>
    public const int TextLength = 4000;
}

public enum OwnTicketStatus { Received, Claimed, Handled, Replied, Revisited, Returned }

/// <summary>本局工单: a ticket assigned to the 司法局 or one of its 司法所, handled on the local regulation's timing
/// (Rules/OwnTicketDeadlines): 签收 → 办理 → 回复 → 回访, with 退单 and 延期 requests and their reasons.</summary>
public sealed class OwnTicket : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The 司法局 or 司法所 it is assigned to.</summary>
    public int OrgUnitId { get; set; }

    public required string TicketNo { get; set; }

    public long TicketId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public OwnTicketStatus Status { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? HandledOn { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public string? Reply { get; set; }

    public DateOnly? RevisitedOn { get; set; }

    /// <summary>回访结果: 满意, 基本满意, 不满意.</summary>
    public string? RevisitResult { get; set; }

    /// <summary>延期 granted, in working days.</summary>
    public int ExtensionWorkingDays { get; set; }

    public string? ExtensionReason { get; set; }

    public string? ReturnReason { get; set; }

    public DateOnly? ReturnedOn { get; set; }

    public int Version { get; set; }

    /// <summary>回复推送: calls made to the centre for the reply (0: none yet, or no centre address configured).</summary>
    public int ReplyPushAttempts { get; set; }

    /// <summary>When the centre accepted the reply; null while not (yet) accepted.</summary>
    public DateTime? ReplyPushedAtUtc { get; set; }

    /// <summary>The last failure (HTTP status or network error) when every attempt failed.</summary>
    public string? ReplyPushError { get; set; }

    public void Sign(DateOnly on) => Step(OwnTicketStatus.Received, OwnTicketStatus.Claimed, on, "签收", () => SignedOn = on);

    public void Handle(DateOnly on) => Step(OwnTicketStatus.Claimed, OwnTicketStatus.Handled, on, "办理完毕", () => HandledOn = on);

    public void ReplyWith(string reply, DateOnly on) =>
        Step(OwnTicketStatus.Handled, OwnTicketStatus.Replied, on, "回复", () => (RepliedOn, Reply) = (on, reply));

    public void Revisit(string result, DateOnly on) =>
        Step(OwnTicketStatus.Replied, OwnTicketStatus.Revisited, on, "回访", () => (RevisitedOn, RevisitResult) = (on, result));

    /// <summary>延期: before the work is done, with a reason; the periods grow by the days asked.</summary>
    public void Extend(int workingDays, string reason, int max)
    {
        if (Status is not (OwnTicketStatus.Received or OwnTicketStatus.Claimed))
            throw new ConflictException("工单已办理完毕或已退回，不能申请延期。");
        if (workingDays < 1 || ExtensionWorkingDays + workingDays > max)
            throw FazhiValidationException.For("workingDays", $"延期天数应为1至{max - ExtensionWorkingDays}个工作日");
        ExtensionWorkingDays += workingDays;
        ExtensionReason = reason;
        Version++;
    }

    /// <summary>退单: a matter outside the bureau's duties goes back to the centre with the reason (潍坊条例 第二十二条:
    /// a unit designated after a responsibility dispute may not return it — the caller checks that).</summary>
    public void Return(string reason, DateOnly on)
    {
        if (Status is not (OwnTicketStatus.Received or OwnTicketStatus.Claimed))
            throw new ConflictException("工单已办理，不能退单。");
        (ReturnReason, ReturnedOn, Status) = (reason, on, OwnTicketStatus.Returned);
        Version++;
    }

    private void Step(OwnTicketStatus from, OwnTicketStatus to, DateOnly on, string what, Action apply)
    {
        if (Status != from)
            throw new ConflictException($"工单当前为“{Name(Status)}”，不能{what}。");
        if (on < ReceivedOn)
            throw FazhiValidationException.For("on", $"{what}日期不能早于受理日期");
        apply();
        Status = to;
        Version++;
    }

    public static string Name(OwnTicketStatus s) => s switch
    {
        OwnTicketStatus.Received => "待签收",
        OwnTicketStatus.Claimed => "办理中",
        OwnTicketStatus.Handled => "待回复",
        OwnTicketStatus.Replied => "待回访",
        OwnTicketStatus.Revisited => "已回访",
        _ => "已退单",
    };
}
