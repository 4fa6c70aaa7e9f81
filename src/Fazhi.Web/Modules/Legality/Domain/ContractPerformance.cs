using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Legality.Domain;

public enum MilestoneKind
{
    /// <summary>履行节点 (交付、验收、开工、达产 …)</summary>
    Milestone,
    /// <summary>付款节点</summary>
    Payment,
}

/// <summary>履约节点: a milestone or payment date of a contract, watched by a Kernel timer until it is done.</summary>
public sealed class ContractMilestone
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public MilestoneKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>付款金额 in fen (payments only).</summary>
    public long? AmountFen { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>违约记录: who broke which clause when, and how it was handled (催告、协商、扣款、诉讼 …).</summary>
public sealed class ContractBreach
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public DateOnly On { get; set; }
    public required string Clause { get; set; }
    public required string Description { get; set; }
    public string? Handling { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>Performance steps on the contract aggregate; each refuses what does not fit, naming the field.</summary>
public static class ContractPerformance
{
    public static ContractMilestone AddMilestone(this Contract c, MilestoneKind kind, string? title, DateOnly? dueOn, decimal? amount, string? note)
    {
        var errors = new Dictionary<string, string[]>();
        if (!c.Open)
            throw new ConflictException($"合同已{LegalityNames.Of(c.Status)}，不能再添加履约节点。");
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
            errors["title"] = ["请填写节点名称（200字以内）"];
        if (dueOn is null)
            errors["dueOn"] = ["请填写节点日期"];
        else if (dueOn < c.StartOn || dueOn > c.EndOn)
            errors["dueOn"] = [$"节点日期应在合同期限{c.StartOn:yyyy-MM-dd}至{c.EndOn:yyyy-MM-dd}之内"];
        if (kind == MilestoneKind.Payment && amount is null or <= 0 or > 100_000_000_000m)
            errors["amount"] = ["付款节点请填写付款金额（元）"];
        if (note is { Length: > 500 })
            errors["note"] = ["说明不能超过500字"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var m = new ContractMilestone
        {
            Kind = kind, Title = title!.Trim(), DueOn = dueOn!.Value, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            AmountFen = kind == MilestoneKind.Payment ? (long)Math.Round(amount!.Value * 100m, MidpointRounding.AwayFromZero) : null,
        };
        c.Milestones.Add(m);
        c.Version++;
        return m;
    }

    public static ContractMilestone CompleteMilestone(this Contract c, long milestoneId, DateOnly on, string? note)
    {
        var m = c.Milestones.FirstOrDefault(x => x.Id == milestoneId)
            ?? throw FazhiValidationException.For("milestoneId", $"合同“{c.Name}”没有编号为{milestoneId}的履约节点");
        if (m.DoneOn is not null)
            throw new ConflictException($"节点“{m.Title}”已于{m.DoneOn:yyyy-MM-dd}完成。");
        if (on < c.StartOn)
            throw FazhiValidationException.For("on", $"完成日期不能早于合同起始日期{c.StartOn:yyyy-MM-dd}");
        m.DoneOn = on;
        if (!string.IsNullOrWhiteSpace(note))
            m.Note = note.Trim().Length > 500 ? note.Trim()[..500] : note.Trim();
        c.Version++;
        return m;
    }

    public static ContractBreach RecordBreach(this Contract c, DateOnly? on, string? clause, string? description, string? handling, string actor)
    {
        var errors = new Dictionary<string, string[]>();
        if (on is null)
            errors["on"] = ["请填写违约发生日期"];
        else if (on < c.StartOn)
            errors["on"] = [$"违约日期不能早于合同起始日期{c.StartOn:yyyy-MM-dd}"];
        if (string.IsNullOrWhiteSpace(clause) || clause.Length > 100)
            errors["clause"] = ["请填写违反的合同条款（如“第八条”，100字以内）"];
        if (string.IsNullOrWhiteSpace(description) || description.Length > 2000)
            errors["description"] = ["请填写违约情形（2000字以内）"];
        if (handling is { Length: > 2000 })
            errors["handling"] = ["处理情况不能超过2000字"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var b = new ContractBreach
        {
            On = on!.Value, Clause = clause!.Trim(), Description = description!.Trim(), Handling = string.IsNullOrWhiteSpace(handling) ? null : handling.Trim(), RecordedBy = actor,
        };
        c.Breaches.Add(b);
        c.Version++;
        return b;
    }

    /// <summary>履行完毕 (every milestone done) or 终止 (with its reason recorded as a note on the last breach or given).</summary>
    public static void End(this Contract c, bool completed, DateOnly on)
    {
        if (!c.Open)
            throw new ConflictException($"合同已{LegalityNames.Of(c.Status)}。");
        if (c.SignedOn is null)
            throw new ConflictException("合同尚未签订（备案时登记签订日期），不能办理履行完毕或终止。");
        if (on < c.SignedOn)
            throw FazhiValidationException.For("on", $"日期不能早于签订日期{c.SignedOn:yyyy-MM-dd}");
        if (completed && c.Milestones.Where(m => m.DoneOn is null).Select(m => m.Title).ToList() is { Count: > 0 } open)
            throw new ConflictException($"履约节点“{string.Join("、", open)}”尚未完成，不能确认履行完毕。");
        c.Status = completed ? ContractStatus.Completed : ContractStatus.Terminated;
        c.EndedOn = on;
        c.Version++;
    }
}
