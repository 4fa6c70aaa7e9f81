using System.Globalization;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>修改案件信息: one field at a time, with the reason; the old and new value go into the case history (and the
/// 操作日志 through the audit of the entity). Dates that drive deadlines re-derive the timers.</summary>
public sealed class Amend : ICaseAction
{
    private sealed record Editable(string Label, Func<ReconCase, string?> Get, Action<ReconCase, string?> Set, bool IsDate = false, bool IsFlag = false);

    private static readonly Dictionary<string, Editable> Fields = new(StringComparer.Ordinal)
    {
        ["申请人"] = new("申请人", c => c.ApplicantName, (c, v) => c.ApplicantName = Required(v, "申请人")),
        ["申请人联系电话"] = new("申请人联系电话", c => c.ApplicantPhone, (c, v) => c.ApplicantPhone = v),
        ["代理人"] = new("代理人", c => c.AgentName, (c, v) => c.AgentName = v),
        ["申请事项"] = new("申请事项", c => c.Matter, (c, v) => c.Matter = Required(v, "申请事项")),
        ["行政行为名称"] = new("行政行为名称", c => c.ActName, (c, v) => c.ActName = v),
        ["行政行为文号"] = new("行政行为文号", c => c.ActDocumentNumber, (c, v) => c.ActDocumentNumber = v),
        ["作出行政行为的机关"] = new("作出行政行为的机关", c => c.ActAgency, (c, v) => c.ActAgency = v),
        ["行政行为作出日期"] = new("行政行为作出日期", c => Iso(c.ActDate), (c, v) => c.ActDate = Date(v), IsDate: true),
        ["知道该行为之日"] = new("知道该行为之日", c => Iso(c.LearnedOn), (c, v) => c.LearnedOn = Date(v), IsDate: true),
        ["涉及不动产"] = new("涉及不动产", c => Flag(c.RealProperty), (c, v) => c.RealProperty = v == "是", IsFlag: true),
        ["未告知复议权利或期限"] = new("未告知复议权利或期限", c => Flag(c.NotToldOfRight), (c, v) => c.NotToldOfRight = v == "是", IsFlag: true),
        ["知道复议权利之日"] = new("知道复议权利之日", c => Iso(c.RightLearnedOn), (c, v) => c.RightLearnedOn = Date(v), IsDate: true),
    };

    public static IReadOnlyList<string> FieldNames => [.. Fields.Keys];

    public CaseAction Action => CaseAction.Amend;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.Select(nameof(ActionRequest.Field), "修改项目", FieldNames),
        new(nameof(ActionRequest.Value), "修改为（日期写作2025-03-01，是否写作是/否，清空留空）", FieldKind.Text, Required: false),
        ActionField.Reason("修改理由"),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        if (r.Field is null || !Fields.TryGetValue(r.Field, out var f))
            throw FazhiValidationException.For("field", "修改项目应为：" + string.Join("、", FieldNames));
        var value = string.IsNullOrWhiteSpace(r.Value) ? null : r.Value.Trim();
        if (value is { Length: > 500 })
            throw FazhiValidationException.For("value", "修改内容不能超过500个字符");
        if (f.IsFlag && value is not (null or "是" or "否"))
            throw FazhiValidationException.For("value", $"{f.Label}应填写“是”或“否”");
        if (f.IsFlag)
            value ??= "否";
        if (f.IsDate && value is not null)
        {
            var d = Date(value);
            if (d > c.ReceivedOn)
                throw FazhiValidationException.For("value", $"{f.Label}不能晚于收到申请之日（{c.ReceivedOn:yyyy-MM-dd}）");
            value = Iso(d);
        }
        c.Amend(f.Label, f.Get(c), value, x2 => f.Set(x2, value), r.Reason ?? "", x.Actor, x.NowUtc);
        if (c.ActDate is { } act && c.LearnedOn is { } learned && learned < act)
            throw FazhiValidationException.For("value", "知道行政行为之日不能早于其作出之日");
    }

    private static string Required(string? v, string label) =>
        v ?? throw FazhiValidationException.For("value", $"{label}不能为空");

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Flag(bool b) => b ? "是" : "否";

    private static DateOnly? Date(string? v) =>
        v is null ? null
        : DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw FazhiValidationException.For("value", "日期格式应为2025-03-01");
}
