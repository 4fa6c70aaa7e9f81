namespace Fazhi.Web.Modules.Hotline.Rules;

/// <summary>Where a ticket's field in the figures came from.</summary>
public enum FieldSource
{
    /// <summary>研判标注: staff labelled the ticket.</summary>
    Label,
    /// <summary>模型分类: the district's trained classifier.</summary>
    Classifier,
    /// <summary>中心领域对应: the centre's 领域 mapped to the 执法事项清单's.</summary>
    Centre,
}

/// <summary>
/// One field vocabulary for the figures (heat table 街道 × 领域, tickets by field): the fields of the bureau's
/// 执法事项清单 (<see cref="Features.Triage.TriageVocabulary.DefaultFields"/> and the 字典 hotline.field), plus
/// <see cref="NotEnforcement"/> and <see cref="Unmapped"/>. A ticket's field is the staff's label; else the classifier's
/// (涉及执法? then 领域); else the centre's 领域 mapped by <see cref="CentreMap"/>. The centre's own words never reach a
/// column, so 市容管理 and 市容环卫 are not two columns of one matter.
/// </summary>
public static class FieldVocabulary
{
    public const string NotEnforcement = "非执法事项", Unmapped = "未归类";

    /// <summary>The centre's 领域 (as 12345 centres name them) → the 执法事项清单 field.</summary>
    public static readonly IReadOnlyDictionary<string, string> CentreMap = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["市容管理"] = "市容环卫", ["市容环卫"] = "市容环卫", ["环境卫生"] = "市容环卫", ["市容环境"] = "市容环卫",
        ["城管执法"] = "城乡规划建设", ["城乡规划建设"] = "城乡规划建设", ["城乡建设"] = "城乡规划建设", ["规划建设"] = "城乡规划建设", ["违法建设"] = "城乡规划建设",
        ["市场秩序"] = "市场监管", ["市场监管"] = "市场监管", ["消费维权"] = "市场监管",
        ["食品安全"] = "食品安全", ["食品药品"] = "食品安全",
        ["生态环境"] = "生态环境", ["环境保护"] = "生态环境", ["环境污染"] = "生态环境",
    };

    /// <summary>The figure field of a ticket and where it came from. <paramref name="classifiedEnforcement"/> is null when
    /// the ticket's district has no trained model yet.</summary>
    public static (string Field, FieldSource Source) Of(bool? labelEnforcement, string? labelField, bool? classifiedEnforcement, string? classifiedField,
        string? centreField)
    {
        if (labelEnforcement is { } l)
            return (l ? labelField ?? Unmapped : NotEnforcement, FieldSource.Label);
        if (classifiedEnforcement is { } c)
            return (c ? classifiedField ?? Unmapped : NotEnforcement, FieldSource.Classifier);
        var centre = centreField?.Trim();
        return (centre is not null && CentreMap.TryGetValue(centre, out var f) ? f : Unmapped, FieldSource.Centre);
    }

    /// <summary>The column header that says which vocabulary the table uses and how many tickets came from each source.</summary>
    public static string Header(int labelled, int classified, int centre) =>
        $"执法事项清单领域（研判标注{labelled}件，模型分类{classified}件，中心领域对应{centre}件）";
}
