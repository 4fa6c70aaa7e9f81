using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Mediation.Domain;

/// <summary>人民调解委员会 as data on its org unit (kind 调解委员会): which kind of committee, when it was founded.</summary>
public sealed class Committee : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The committee's own org unit.</summary>
    public int OrgUnitId { get; set; }

    public CommitteeKind Kind { get; set; }

    /// <summary>成立日期: the start of the "since founding" figures.</summary>
    public DateOnly FoundedOn { get; set; }

    /// <summary>行业性专业性: the field (商事, 医疗, 物业, 交通 …).</summary>
    public string? Field { get; set; }

    /// <summary>The short name in numbers (（2024）鲸园调字第1号).</summary>
    public required string ShortName { get; set; }
}

/// <summary>委员会类型: 村（居）、乡镇（街道）、行业性专业性, and 个人品牌调解室.</summary>
public enum CommitteeKind { VillageOrCommunity, TownOrStreet, Industry, BrandStudio }

/// <summary>人民调解员 (人民调解法第十三、十四条); in the 调解员名录 when <see cref="InRoster"/>.</summary>
public sealed class Mediator : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The committee.</summary>
    public int OrgUnitId { get; set; }

    public required string Name { get; set; }

    /// <summary>专职 or 兼职.</summary>
    public bool FullTime { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? IdNumber { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? Phone { get; set; }

    /// <summary>培训情况 (e.g. 2024-03 民法典集中培训).</summary>
    public string? Training { get; set; }

    /// <summary>列入调解员名录 (可供选派).</summary>
    public bool InRoster { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The sign-in name of the mediator's account, when the mediator records disputes themselves.</summary>
    public string? UserName { get; set; }
}

/// <summary>矛盾纠纷排查: one screening, or a 零报告 for a period with nothing found.</summary>
public sealed class Screening : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    public DateOnly On { get; set; }

    /// <summary>地点或网格.</summary>
    public required string Place { get; set; }

    /// <summary>排查人.</summary>
    public required string By { get; set; }

    public int Found { get; set; }

    public int Prevented { get; set; }

    public bool ZeroReport { get; set; }

    public string? Note { get; set; }
}

/// <summary>百姓评理说事点, attached to a 村/社区.</summary>
public sealed class TalkPoint : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The community (村/社区) or committee the point is attached to.</summary>
    public int OrgUnitId { get; set; }

    public required string Name { get; set; }

    public string? Host { get; set; }

    public DateOnly EstablishedOn { get; set; }
}

/// <summary>说事点上报信息: what a point collected, and whether it was resolved there (化解).</summary>
public sealed class TalkPointReport : IOrgOwned
{
    public long Id { get; set; }

    public long TalkPointId { get; set; }

    public int OrgUnitId { get; set; }

    public DateOnly On { get; set; }

    public required string Summary { get; set; }

    public bool Resolved { get; set; }

    /// <summary>开展法治宣传 (counted separately: [001] 90 次).</summary>
    public bool LegalEducation { get; set; }
}

/// <summary>以案定补 standard: the subsidy per successful dispute of a category (or every category when null), set by the bureau.</summary>
public sealed class SubsidyRate : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The bureau (or its region) whose committees the rate covers.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>A category code, or null: the default for every category.</summary>
    public string? Category { get; set; }

    /// <summary>Extra for a written agreement on top of <see cref="AmountFen"/>.</summary>
    public long WrittenBonusFen { get; set; }

    public long AmountFen { get; set; }

    public DateOnly ValidFrom { get; set; }
}

/// <summary>人民调解文书 (.docx), numbered per committee, year and kind.</summary>
public sealed class MediationDocument : IOrgOwned
{
    public long Id { get; set; }

    public long DisputeId { get; set; }

    public int OrgUnitId { get; set; }

    public MediationDocumentKind Kind { get; set; }

    public required string Number { get; set; }

    public required string Title { get; set; }

    public required byte[] Content { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedBy { get; set; }
}

public enum MediationDocumentKind { Application, Registration, SessionRecord, Agreement, ConfirmationApplication, FollowUpRecord }

/// <summary>The last number allotted per committee, year and series (纠纷编号 or a document kind).</summary>
public sealed class MediationCounter : IOrgOwned
{
    public int OrgUnitId { get; set; }

    public int Year { get; set; }

    public required string Series { get; set; }

    public int Last { get; set; }

    public int Version { get; set; }
}

public static class OrganisationNames
{
    public static string Of(CommitteeKind k) => k switch
    {
        CommitteeKind.VillageOrCommunity => "村（居）人民调解委员会",
        CommitteeKind.TownOrStreet => "乡镇（街道）人民调解委员会",
        CommitteeKind.Industry => "行业性专业性人民调解委员会",
        CommitteeKind.BrandStudio => "个人品牌调解室",
        _ => k.ToString(),
    };

    public static string Of(MediationDocumentKind k) => k switch
    {
        MediationDocumentKind.Application => "人民调解申请书",
        MediationDocumentKind.Registration => "人民调解受理登记表",
        MediationDocumentKind.SessionRecord => "人民调解调查（调解）笔录",
        MediationDocumentKind.Agreement => "人民调解协议书",
        MediationDocumentKind.ConfirmationApplication => "司法确认申请书",
        MediationDocumentKind.FollowUpRecord => "人民调解回访记录",
        _ => k.ToString(),
    };

    /// <summary>The 字 of each series in numbers: （2024）鲸园调协字第3号.</summary>
    public static string SeriesWord(MediationDocumentKind k) => k switch
    {
        MediationDocumentKind.Application => "调申",
        MediationDocumentKind.Registration => "调登",
        MediationDocumentKind.SessionRecord => "调笔",
        MediationDocumentKind.Agreement => "调协",
        MediationDocumentKind.ConfirmationApplication => "司确申",
        MediationDocumentKind.FollowUpRecord => "调访",
        _ => "调",
    };
}
