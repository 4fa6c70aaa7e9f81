using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Modules.Mediation.Rules;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Import;

public sealed record LedgerProblem(int Row, string? Column, string Message);

public sealed record LedgerResult(bool DryRun, bool Committed, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<LedgerProblem> Errors);

/// <summary>
/// 台账导入 of a committee's existing dispute ledger (.xlsx or .csv; one row per dispute, headers as <see cref="Headers"/>).
/// Dry run lists every row's problems by column header; a real import writes only when every row is right, in one
/// transaction; idempotent by the committee's own 编号 (a row already imported is updated from the ledger, one entered
/// in Fazhi is left alone).
/// </summary>
public sealed class DisputeLedgerImporter(FazhiDb db, DisputeService disputes, IDictionaries dicts)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public static readonly string[] Headers = ["编号", "登记日期", "纠纷类别", "纠纷来源", "纠纷简要情况", "当事人", "涉及金额（元）", "调解结果", "结案日期", "协议形式", "司法确认"];

    private static readonly string[] Outcomes = ["调解中", "调解成功", "调解不成", "终止调解"];

    private sealed record Row(string Number, DateOnly Received, string Category, DisputeSource Source, string Summary, string[] Parties, long AmountFen,
        DisputeStatus Status, DateOnly? Closed, AgreementKind? Agreement, ConfirmationResult? Confirmation);

    public async Task<LedgerResult> ImportAsync(Stream file, string fileName, string? committeeCode, bool dryRun, CancellationToken ct)
    {
        var (unit, _) = await disputes.CommitteeAsync(committeeCode, "org", ct);
        List<IDictionary<string, object?>> sheet;
        try
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            sheet = SheetLimits.Query(buffer, type: fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExcelType.CSV : ExcelType.XLSX);
        }
        catch (Exception e) when (e is not OperationCanceledException and not SheetTooLargeException)
        {
            throw FazhiValidationException.For("file", "无法读取台账文件，请上传 .xlsx 或 .csv（UTF-8）文件");
        }
        if (sheet.Count > MaxRows)
            throw FazhiValidationException.For("file", $"台账超过{MaxRows}行，请分批导入");
        var errors = new List<LedgerProblem>();
        if (sheet.Count > 0)
            foreach (var h in Headers.Where(h => !sheet[0].ContainsKey(h)))
                errors.Add(new LedgerProblem(0, h, $"缺少“{h}”列"));
        if (errors.Count > 0)
            return new LedgerResult(dryRun, false, sheet.Count, 0, 0, 0, errors);
        var categories = await dicts.ChoicesAsync(Categories.Type, ct);
        var known = string.Join("、", categories.Select(c => c.Label));
        var rows = new List<Row>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sheet.Count; i++)
        {
            var cells = sheet[i];
            var n = i + 2; // header is row 1
            string Text(string h) => Convert.ToString(cells[h], CultureInfo.InvariantCulture)?.Trim() ?? "";
            if (Headers.All(h => Text(h).Length == 0))
                continue;
            void Err(string col, string msg) => errors.Add(new LedgerProblem(n, col, msg));
            var number = Text("编号");
            if (number.Length is 0 or > 64) Err("编号", "请填写编号（不超过64个字符）");
            else if (!seen.Add(number)) Err("编号", $"编号“{number}”在台账中重复");
            DateOnly received = default;
            if (!SheetDates.TryParse(cells["登记日期"], out received, out var dateErr)) Err("登记日期", dateErr ?? "请填写登记日期");
            else if (received > disputes.Today) Err("登记日期", "登记日期不能晚于今天");
            var catText = Text("纠纷类别");
            var cat = categories.FirstOrDefault(c => c.Label == catText || c.Code == catText);
            if (cat is null) Err("纠纷类别", $"未知的纠纷类别“{catText}”，可用的类别：{known}");
            var source = MediationNames.Parse<DisputeSource>(Text("纠纷来源"), MediationNames.Of);
            if (source is null) Err("纠纷来源", $"未知的纠纷来源“{Text("纠纷来源")}”，可用：{string.Join("、", Enum.GetValues<DisputeSource>().Select(MediationNames.Of))}");
            var summary = Text("纠纷简要情况");
            if (summary.Length is 0 or > 1000) Err("纠纷简要情况", "请填写纠纷简要情况（不超过1000个字符）");
            var parties = Text("当事人").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parties.Length < 2) Err("当事人", "请填写至少两方当事人，以“、”分隔");
            decimal? amount = null;
            if (Text("涉及金额（元）") is { Length: > 0 } a)
            {
                if (!decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) Err("涉及金额（元）", $"“{a}”不是金额");
                else if (Amounts.Problem(v) is { } p) Err("涉及金额（元）", p);
                else amount = v;
            }
            var outcome = Text("调解结果");
            var status = outcome switch { "调解中" => DisputeStatus.Mediating, "调解成功" => DisputeStatus.Succeeded, "调解不成" => DisputeStatus.Failed, "终止调解" => DisputeStatus.Terminated, _ => (DisputeStatus?)null };
            if (status is null) Err("调解结果", $"调解结果应为{string.Join("、", Outcomes)}之一");
            DateOnly? closed = null;
            if (cells["结案日期"] is not null && Text("结案日期").Length > 0)
            {
                if (!SheetDates.TryParse(cells["结案日期"], out var c, out var ce)) Err("结案日期", ce ?? "日期格式不对");
                else if (c < received) Err("结案日期", $"结案日期不能早于登记日期（{received:yyyy-MM-dd}）");
                else if (c > disputes.Today) Err("结案日期", "结案日期不能晚于今天");
                else closed = c;
            }
            if (status is not null and not DisputeStatus.Mediating && closed is null && !errors.Any(e => e.Row == n && e.Column == "结案日期")) Err("结案日期", "已结案的纠纷须填写结案日期");
            AgreementKind? agreement = Text("协议形式") switch { "" => null, "书面" or "书面协议" => AgreementKind.Written, "口头" or "口头协议" => AgreementKind.Oral, var x => (AgreementKind?)Invalid(Err, "协议形式", $"协议形式“{x}”应为书面或口头") };
            if (status == DisputeStatus.Succeeded && agreement is null && !errors.Any(e => e.Row == n && e.Column == "协议形式")) Err("协议形式", "调解成功的纠纷须填写协议形式（书面或口头）");
            ConfirmationResult? confirmation = Text("司法确认") switch { "" or "无" => null, "有效" or "确认有效" => ConfirmationResult.Valid, "驳回" => ConfirmationResult.Dismissed, var x => (ConfirmationResult?)Invalid(Err, "司法确认", $"司法确认“{x}”应为有效、驳回或空") };
            if (confirmation is not null && status != DisputeStatus.Succeeded) Err("司法确认", "只有调解成功的协议才能司法确认");
            if (errors.All(e => e.Row != n))
                rows.Add(new Row(number, received, cat!.Code, source!.Value, summary, parties, Amounts.ToFen(amount), status!.Value, closed, agreement, confirmation));
        }
        if (errors.Count > 0 || dryRun)
            return new LedgerResult(dryRun, false, sheet.Count, 0, 0, 0, errors);

        var numbers = rows.Select(r => r.Number).ToList();
        var existing = await db.Disputes().Include(d => d.Events).Include(d => d.Parties).Where(d => d.OrgUnitId == unit.Id && numbers.Contains(d.Number)).ToDictionaryAsync(d => d.Number, ct);
        int created = 0, updated = 0, unchanged = 0;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var r in rows)
        {
            if (existing.TryGetValue(r.Number, out var d))
            {
                if (!d.Imported || (d.Status == r.Status && d.ClosedOn == r.Closed && d.Category == r.Category && d.AmountFen == r.AmountFen && d.Summary == r.Summary
                    && d.Agreement == r.Agreement && d.ConfirmationResult == r.Confirmation))
                {
                    unchanged++;
                    continue;
                }
                d.Category = r.Category; d.Summary = r.Summary; d.AmountFen = r.AmountFen; d.Source = r.Source;
                d.ApplyLedger(r.Status, r.Closed, r.Agreement, r.Confirmation is null ? null : r.Closed, r.Confirmation, db.Actor.UserName, now);
                updated++;
                continue;
            }
            d = new Dispute
            {
                OrgUnitId = unit.Id, Number = r.Number, Year = r.Received.Year, Category = r.Category, Source = r.Source, Summary = r.Summary, AmountFen = r.AmountFen,
                ReceivedOn = r.Received, Parties = [.. r.Parties.Select(p => new DisputeParty { Name = p.Length > 100 ? p[..100] : p, Kind = PartyKind.Person })],
            };
            d.ApplyLedger(r.Status, r.Closed, r.Agreement, r.Confirmation is null ? null : r.Closed, r.Confirmation, db.Actor.UserName, now);
            db.Disputes().Add(d);
            created++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new LedgerResult(false, true, sheet.Count, created, updated, unchanged, []);
    }

    private static object? Invalid(Action<string, string> err, string column, string message)
    {
        err(column, message);
        return null;
    }

    public static async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var row = new Dictionary<string, object?>
        {
            ["编号"] = "（2024）鲸园调字第1号", ["登记日期"] = "2024-03-01", ["纠纷类别"] = "邻里纠纷", ["纠纷来源"] = "排查发现", ["纠纷简要情况"] = "楼上漏水",
            ["当事人"] = "张三、李四", ["涉及金额（元）"] = "2000", ["调解结果"] = "调解成功", ["结案日期"] = "2024-03-05", ["协议形式"] = "书面", ["司法确认"] = "",
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, new[] { row }, sheetName: "人民调解台账", cancellationToken: ct);
        return stream.ToArray();
    }
}
