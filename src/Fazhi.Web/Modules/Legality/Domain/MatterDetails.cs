namespace Fazhi.Web.Modules.Legality.Domain;

/// <summary>议题's meeting: [003] counts "区政府常务会议议题75个、各类专题会议议题270个" apart.</summary>
public enum MeetingType
{
    /// <summary>政府常务会议</summary>
    Executive,
    /// <summary>专题会议 (各类专题会议、投资委会议 …)</summary>
    Special,
    /// <summary>其他会议</summary>
    Other,
}

/// <summary>征求意见's source: [000] counts "配合部门征求意见19件，立法调研征求意见2件" apart.</summary>
public enum CommentSource
{
    /// <summary>立法调研征求意见: a draft 法规 or 规章 (or a legislative survey) sent by the 人大 or the higher government.</summary>
    Legislation,
    /// <summary>上级规范性文件 (a higher body's draft policy document).</summary>
    HigherDocument,
    /// <summary>配合部门征求意见: a request a department received and answers with the 司法局's help.</summary>
    Department,
    /// <summary>其他征求意见</summary>
    Other,
}

/// <summary>The details only some kinds of matter carry (议题 → meeting type; 征求意见 → source), their names and checks.</summary>
public static class MatterDetails
{
    public static string Of(MeetingType t) => t switch
    {
        MeetingType.Executive => "政府常务会议",
        MeetingType.Special => "专题会议",
        _ => "其他会议",
    };

    public static string Of(CommentSource s) => s switch
    {
        CommentSource.Legislation => "立法调研征求意见（法规规章草案）",
        CommentSource.HigherDocument => "上级规范性文件征求意见",
        CommentSource.Department => "配合部门征求意见",
        _ => "其他征求意见",
    };

    /// <summary>Accepts the Chinese name, the code, and the usual short forms (常务会, 专题会; 立法, 上级文件, 部门).</summary>
    public static MeetingType? ParseMeeting(string? text) => text?.Trim() switch
    {
        null or "" => null,
        "常务会" or "常务会议" or "区政府常务会议" => MeetingType.Executive,
        "专题会" or "专题会议" => MeetingType.Special,
        "其他" => MeetingType.Other,
        var t => LegalityNames.Parse<MeetingType>(t, Of),
    };

    public static CommentSource? ParseSource(string? text) => text?.Trim() switch
    {
        null or "" => null,
        "立法" or "立法征求意见" or "立法调研征求意见" or "法规规章草案" => CommentSource.Legislation,
        "上级规范性文件" or "上级文件" => CommentSource.HigherDocument,
        "部门征求意见" or "部门" => CommentSource.Department,
        "其他" => CommentSource.Other,
        var t => LegalityNames.Parse<CommentSource>(t, Of),
    };

    /// <summary>A 议题 names its meeting and only a 议题 does; a 征求意见 names its source and only a 征求意见 does. Errors go
    /// into <paramref name="errors"/> under the fields <c>meetingType</c> and <c>commentSource</c>.</summary>
    public static (MeetingType? Meeting, CommentSource? Source) Check(MatterKind? kind, string? meetingText, string? sourceText, Dictionary<string, string[]> errors)
    {
        var meetingChoices = string.Join("、", Enum.GetValues<MeetingType>().Select(t => $"“{Of(t)}”"));
        var sourceChoices = string.Join("、", Enum.GetValues<CommentSource>().Select(s => $"“{Of(s)}”"));
        var meeting = ParseMeeting(meetingText);
        var source = ParseSource(sourceText);
        if (!string.IsNullOrWhiteSpace(meetingText) && meeting is null)
            errors["meetingType"] = [$"会议类型“{meetingText.Trim()}”无法识别，应为{meetingChoices}"];
        else if (kind == MatterKind.MeetingTopic && meeting is null)
            errors["meetingType"] = [$"常务会/专题会议题须注明会议类型（{meetingChoices}）"];
        else if (kind is { } k && k != MatterKind.MeetingTopic && meeting is not null)
            errors["meetingType"] = [$"只有常务会/专题会议题才填写会议类型，“{LegalityNames.Of(k)}”事项不填"];
        if (!string.IsNullOrWhiteSpace(sourceText) && source is null)
            errors["commentSource"] = [$"征求意见来源“{sourceText.Trim()}”无法识别，应为{sourceChoices}"];
        else if (kind == MatterKind.RequestForComment && source is null)
            errors["commentSource"] = [$"征求意见事项须注明来源（{sourceChoices}）"];
        else if (kind is { } k && k != MatterKind.RequestForComment && source is not null)
            errors["commentSource"] = [$"只有征求意见事项才填写征求意见来源，“{LegalityNames.Of(k)}”事项不填"];
        return (meeting, source);
    }

    /// <summary>The detail shown beside the kind (list column, export), or null.</summary>
    public static string? Describe(MeetingType? meeting, CommentSource? source) =>
        meeting is { } m ? Of(m) : source is { } s ? Of(s) : null;

    /// <summary>重点项目 on a contract: a project name only with the flag.</summary>
    public static void CheckKeyProject(bool keyProject, string? name, Dictionary<string, string[]> errors)
    {
        if (!keyProject && !string.IsNullOrWhiteSpace(name))
            errors["keyProjectName"] = ["只有重点项目合同才填写重点项目名称（请勾选“重点项目”或清空项目名称）"];
        else if (name is { Length: > 200 })
            errors["keyProjectName"] = ["重点项目名称不能超过200个字符"];
    }
}
