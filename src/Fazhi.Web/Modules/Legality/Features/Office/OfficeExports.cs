using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features.Office;

/// <summary>
/// The office's registers as .xlsx (会议, 督察 with one row per 整改事项, 述法): the list page's filters applied, Chinese
/// headers, dates written as Excel dates (yyyy-mm-dd cells, so the bureau can sort and filter them), at most
/// <see cref="OfficeQueries.MaxExport"/> records, in the caller's scope.
/// </summary>
public sealed class OfficeExports(FazhiDb db, OfficeQueries queries)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private DateOnly Today => Dates.Today(db.Clock);

    private static DateTime? D(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    /// <summary>Writes the rows under <paramref name="headers"/> (a header row even when nothing matched), the
    /// <paramref name="dateColumns"/> as date cells.</summary>
    public static byte[] Write(string sheet, string[] headers, IEnumerable<Dictionary<string, object?>> rows, params string[] dateColumns)
    {
        using var table = new System.Data.DataTable(sheet) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var h in headers)
            table.Columns.Add(h, dateColumns.Contains(h) ? typeof(DateTime) : typeof(object));
        foreach (var r in rows)
            table.Rows.Add([.. headers.Select(h => r.GetValueOrDefault(h) ?? DBNull.Value)]);
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = [.. dateColumns.Select(c => new DynamicExcelColumn(c) { Format = "yyyy-mm-dd", Width = 12 })],
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, table, sheetName: sheet, configuration: config);
        return stream.ToArray();
    }

    private static readonly string[] MeetingHeaders = ["日期", "会议类别", "会议名称", "地点", "出席人员", "议程", "议定事项", "议定事项数", "列为工作要点任务", "任务数"];
    private static readonly string[] InspectionHeaders = ["督察日期", "督察方式", "督察名称", "被督察单位", "发现问题", "整改序号", "整改事项", "整改时限", "完成日期", "整改情况", "整改状态"];
    private static readonly string[] LawReportHeaders = ["日期", "单位", "述法人", "职务", "述法场合", "评议结果"];

    public async Task<byte[]> MeetingsAsync(string? q, string? kind, int? year, CancellationToken ct)
    {
        var list = await queries.MeetingsFiltered(q, kind, year).Include(m => m.Decisions).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
            .Take(OfficeQueries.MaxExport).ToListAsync(ct);
        var taskIds = list.SelectMany(m => m.Decisions).Where(d => d.TaskId is not null).Select(d => d.TaskId!.Value).ToList();
        var tasks = await db.PlanTasks().AsNoTracking().Where(t => taskIds.Contains(t.Id)).Select(t => new { t.Id, t.Year, t.Seq, t.Title }).ToDictionaryAsync(t => t.Id, ct);
        var rows = list.Select(m =>
        {
            var decisions = m.Decisions.OrderBy(d => d.Seq).ToList();
            return new Dictionary<string, object?>
            {
                ["日期"] = D(m.HeldOn), ["会议类别"] = Names.Of(m.Kind), ["会议名称"] = m.Title, ["地点"] = m.Place, ["出席人员"] = m.Attendees, ["议程"] = m.Agenda,
                ["议定事项"] = string.Join("\n", decisions.Select(d => $"{d.Seq}. {d.Text}")), ["议定事项数"] = decisions.Count,
                ["列为工作要点任务"] = string.Join("\n", decisions.Where(d => d.TaskId is { } id && tasks.ContainsKey(id))
                    .Select(d => { var t = tasks[d.TaskId!.Value]; return $"第{d.Seq}项 → {t.Year}年第{t.Seq}项：{t.Title}"; })),
                ["任务数"] = decisions.Count(d => d.TaskId is not null),
            };
        });
        return Write("依法治区会议", MeetingHeaders, rows, "日期");
    }

    /// <summary>督察: one row per 整改事项 (an inspection without items gives one row), the inspection's columns repeated.</summary>
    public async Task<byte[]> InspectionsAsync(string? q, string? kind, string? state, CancellationToken ct)
    {
        var list = await queries.InspectionsFiltered(q, kind, state).Include(i => i.Items).OrderByDescending(i => i.HeldOn).ThenByDescending(i => i.Id)
            .Take(OfficeQueries.MaxExport).ToListAsync(ct);
        var names = await db.Orgs.NamesAsync(list.Select(i => i.OrgUnitId).Distinct(), ct);
        var today = Today;
        var rows = new List<Dictionary<string, object?>>();
        foreach (var i in list)
        {
            Dictionary<string, object?> Row(OfficeRectification? x) => new()
            {
                ["督察日期"] = D(i.HeldOn), ["督察方式"] = Names.Of(i.Kind), ["督察名称"] = i.Title, ["被督察单位"] = names.GetValueOrDefault(i.OrgUnitId) ?? "",
                ["发现问题"] = i.Findings, ["整改序号"] = x?.Seq, ["整改事项"] = x?.Text, ["整改时限"] = D(x?.DueOn), ["完成日期"] = D(x?.DoneOn), ["整改情况"] = x?.Result,
                ["整改状态"] = x is null ? null : x.DoneOn is { } done ? (done > x.DueOn ? "逾期完成" : "已完成") : today > x.DueOn ? "超期" : "整改中",
            };
            if (i.Items.Count == 0)
                rows.Add(Row(null));
            rows.AddRange(i.Items.OrderBy(x => x.Seq).Select(Row));
        }
        return Write("法治督察", InspectionHeaders, rows, "督察日期", "整改时限", "完成日期");
    }

    public async Task<byte[]> LawReportsAsync(string? q, int? year, CancellationToken ct, string? org = null)
    {
        var list = await queries.LawReportsFiltered(q, year, org).OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Take(OfficeQueries.MaxExport).ToListAsync(ct);
        var names = await db.Orgs.NamesAsync(list.Select(r => r.OrgUnitId).Distinct(), ct);
        return Write("述法", LawReportHeaders, list.Select(r => new Dictionary<string, object?>
        {
            ["日期"] = D(r.On), ["单位"] = names.GetValueOrDefault(r.OrgUnitId) ?? "", ["述法人"] = r.Person, ["职务"] = r.Position, ["述法场合"] = r.Occasion,
            ["评议结果"] = r.Evaluation,
        }), "日期");
    }
}
