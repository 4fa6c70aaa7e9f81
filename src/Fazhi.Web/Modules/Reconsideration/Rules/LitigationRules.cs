using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 行政应诉 (行政诉讼法2017, docs/statutes/xingzheng-fuyi.md):
/// <list type="bullet">
/// <item>第八十五条: "当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉。当事人不服人民法院
/// 第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉。逾期不提起上诉的，人民法院的第一审判决或者裁定发生法律效力。"
/// Natural days from the day after service, a last day on a rest day moving to the next working day (第一百零一条 → 民事诉讼法第八十五条).</item>
/// <item>第二十六条第二款: "经复议的案件，复议机关决定维持原行政行为的，作出原行政行为的行政机关和复议机关是共同被告；复议机关改变原行政
/// 行为的，复议机关是被告。"</item>
/// </list>
/// </summary>
public static class LitigationRules
{
    public const string Appeal = "appeal";
    public const string LossReasonType = "recon.loss_reason";

    /// <summary>败诉原因 (字典, editable by the platform administrator); the defaults follow the grounds of 行政诉讼法第七十条 ff.</summary>
    public static readonly DictTypeDef LossReasons = new(LossReasonType, "行政应诉败诉原因",
    [
        new("evidence", "主要证据不足"),
        new("law", "适用法律、法规错误"),
        new("procedure", "违反法定程序"),
        new("authority", "超越职权或滥用职权"),
        new("unfair", "明显不当"),
        new("inaction", "不履行或拖延履行法定职责"),
        new("other", "其他"),
    ]);

    /// <summary>The 上诉期 of a first-instance judgment or ruling, once served; null otherwise.</summary>
    public static DeadlineSpec? AppealPeriod(LitigationCase c, HolidayCalendar calendar)
    {
        if (c.Instance != LitigationInstance.First || c.JudgmentKind is not { } kind || c.JudgmentServedOn is not { } served)
            return null;
        var days = kind == RulingKind.Judgment ? 15 : 10;
        var plain = HolidayCalendar.AddNaturalDays(served, days);
        var due = calendar.NaturalPeriodEnd(served, days, provisional: true);
        var why = $"自{HolidayFile.Iso(served)}{LitigationNames.Of(kind)}书送达之次日起{days}日（行政诉讼法第八十五条），至{HolidayFile.Iso(plain)}" +
                  (due == plain ? "" : $"，该日为休息日，顺延至{HolidayFile.Iso(due)}（民事诉讼法第八十五条）") + "；逾期不上诉的，一审裁判发生法律效力";
        return new DeadlineSpec(Appeal, "上诉期", due, c.Appealed ? DeadlineStatus.Completed : DeadlineStatus.Open, why);
    }

    /// <summary>第二十六条第二款: whether the 复议机关 is 共同被告 given the reconsideration decision (null: no decision known).</summary>
    public static bool? CoDefendantRequired(DecisionType? reconDecision) => reconDecision switch
    {
        null => null,
        DecisionType.Uphold or DecisionType.Dismiss => true, // 维持; 驳回复议请求 leaves the act as it is (司法解释 treats it as 维持)
        _ => false,
    };
}
