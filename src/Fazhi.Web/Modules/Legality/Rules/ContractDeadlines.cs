using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Rules;

/// <summary>合同履约提醒 (◐ local practice; the 机关事业单位合同管理办法 of the region sets them, e.g. 荣成's revised 办法 in
/// [002] requires 履行 monitoring): each 履行/付款节点 is a timer due on its date (it fires the day after, when the node is
/// still not done: 逾期未履行); the 到期提醒 is due <see cref="ContractOptions.ExpiryReminderDays"/> calendar days before
/// the end, so it fires exactly that many days before; the 届满 timer is due on the end date. Calendar days, not working
/// days: contract dates are agreed dates.</summary>
public static class ContractDeadlines
{
    public const string Milestone = "milestone:";
    public const string ExpiryReminder = "expiry-reminder";
    public const string End = "end";

    public static IReadOnlyList<DeadlineSpec> Compute(Contract c, int reminderDays)
    {
        var list = new List<DeadlineSpec>();
        if (!c.Open)
            return list; // every timer is cancelled (履行完毕 / 终止)
        foreach (var m in c.Milestones.OrderBy(m => m.DueOn))
            list.Add(new DeadlineSpec(Milestone + m.Id, $"{LegalityNames.Of(m.Kind)}：{m.Title}", m.DueOn,
                m.DoneOn is null ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"合同约定{m.DueOn:yyyy年M月d日}" + (m.Kind == MilestoneKind.Payment ? $"支付{m.AmountFen / 100m:#,0.00}元" : $"完成“{m.Title}”") +
                (m.DoneOn is { } d ? $"；已于{d:yyyy年M月d日}完成" : "；逾期未完成的，次日提醒签约单位")));
        if (c.SignedOn is null)
            return list; // not signed yet: no term to run out
        var remind = ReminderDue(c.EndOn, reminderDays);
        if (remind >= c.SignedOn)
            list.Add(new DeadlineSpec(ExpiryReminder, "合同到期提醒", remind, DeadlineStatus.Open,
                $"合同{c.EndOn:yyyy年M月d日}届满，提前{reminderDays}日提醒签约单位办理续签、验收或结算"));
        list.Add(new DeadlineSpec(End, "合同期限届满", c.EndOn, DeadlineStatus.Open,
            $"合同期限至{c.EndOn:yyyy年M月d日}；届满次日仍未确认履行完毕或终止的，提醒签约单位"));
        return list;
    }

    /// <summary>The reminder fires the day after its due date (the timer job's rule), i.e. on EndOn − days.</summary>
    public static DateOnly ReminderDue(DateOnly endOn, int days) => endOn.AddDays(-days - 1);
}

public sealed class ContractOptions
{
    /// <summary>到期提醒 this many calendar days before a contract ends (◐ local; default 30).</summary>
    public int ExpiryReminderDays { get; set; } = 30;
}
