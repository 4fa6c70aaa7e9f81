using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Records;

/// <summary>One line of 修改记录 as shown: when, which batch and sender, the field's Chinese name, before → after.</summary>
public sealed record RecordChangeView(string ChangedAt, long BatchId, string ChangedBy, string Field, string Before, string After);

/// <summary>修改记录 of a record: the before-images its re-sends left (<c>enf_record_history</c>), newest first. Read
/// through the scope filter like the record itself.</summary>
public static class RecordHistory
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["kind"] = "类型", ["item_code"] = "执法事项编码", ["item_id"] = "执法事项", ["target_kind"] = "执法对象类型",
        ["target_name"] = "执法对象", ["target_credit_code"] = "统一社会信用代码", ["target_id_number"] = "身份证号",
        ["officers"] = "执法人员（执法证号）", ["officer_count"] = "执法人员数", ["opened_on"] = "立案/检查日期",
        ["decided_on"] = "决定日期", ["closed_on"] = "结案日期", ["counted_on"] = "统计日期", ["amount_fen"] = "罚没金额（元）",
        ["circumstance"] = "违法情节", ["legal_review_done"] = "法制审核", ["major"] = "重大执法决定", ["published_on"] = "公示日期",
        ["lenient"] = "不罚轻罚",
    };

    public static async Task<List<RecordChangeView>> OfAsync(FazhiDb db, long recordId, CancellationToken ct)
    {
        var rows = await db.RecordChanges().AsNoTracking().Where(c => c.RecordId == recordId)
            .OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);
        return [.. rows.Select(c => new RecordChangeView(ChinaTime.Format(c.ChangedAtUtc), c.BatchId, c.ChangedBy,
            Labels.GetValueOrDefault(c.Field, c.Field), Show(c.Field, c.Before), Show(c.Field, c.After)))];
    }

    public static string Show(string field, string? value) => value is null ? "（空）" : field switch
    {
        "amount_fen" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fen)
            => (fen / 100m).ToString("N2", CultureInfo.InvariantCulture),
        "legal_review_done" => value == "1" ? "已审核" : "未审核",
        "major" or "lenient" => value == "1" ? "是" : "否",
        "kind" => value switch { "Inspection" => "行政检查", "Penalty" => "行政处罚", "Coercion" => "行政强制", "Other" => "其他执法行为", _ => value },
        "target_kind" => value switch { "Enterprise" => "企业", "Person" => "自然人", _ => value },
        "officers" => value.Replace(Domain.EnforcementRecord.OfficerSeparator.ToString(), "、", StringComparison.Ordinal),
        _ => value,
    };
}
