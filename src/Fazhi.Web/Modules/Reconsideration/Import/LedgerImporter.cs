using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Reconsideration.Import;

/// <summary>A problem in the ledger: row 0 is the file itself; <see cref="Sheet"/> is null for the main sheet, 应诉 for the suits.</summary>
public sealed record ImportProblem(int Row, string? Column, string Message, string? Sheet = null);

public sealed record ImportResult(bool DryRun, bool Committed, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Errors,
    int LitigationRows = 0, int LitigationCreated = 0, int LitigationUpdated = 0, int LitigationUnchanged = 0,
    // ---- recon-more: names no department matched, and the departments to choose from (remembered as 对应关系) ----
    IReadOnlyList<UnmatchedRespondent>? Unmatched = null, IReadOnlyList<DepartmentChoice>? Departments = null);

/// <summary>A 被申请人/被告 name of the ledger that matched no department, with the rows that use it.</summary>
public sealed record UnmatchedRespondent(string Name, IReadOnlyList<string> Rows);

public sealed record DepartmentChoice(string Code, string Name);

/// <summary>
/// 台账导入: a bureau's Excel or CSV ledger of reconsideration cases, checked row by row, then stored all-or-nothing in
/// one transaction. Idempotent by 案号: an identical row changes nothing; a changed row updates a case that came from
/// a ledger; a 案号 that Fazhi itself allotted is never overwritten.
/// </summary>
public sealed class LedgerImporter(FazhiDb db, ReconCaseService cases)
{
    public static readonly string[] Headers = ["案号", "申请人", "被申请人", "申请事项", "收到日期", "受理日期", "结案日期", "结案方式", "决定类型", "终止原因"];
    public const string LitigationSheet = "应诉";
    public static readonly string[] LitigationHeaders = ["案号", "法院", "原告", "被告", "立案日期", "判决日期", "结果"];
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 20_000;

    private sealed record SuitRow(int Number, string Court, string CourtCaseNumber, string Plaintiff, OrgUnit Defendant, DateOnly Filed,
        DateOnly? Concluded, LitigationOutcome? Outcome);

    private sealed record Row(int Number, string CaseNumber, string Applicant, OrgUnit Respondent, string Matter, DateOnly Received,
        DateOnly? Accepted, DateOnly? Closed, CaseStatus Status, DecisionType? Decision, TerminationReason? Termination);

    public async Task<ImportResult> ImportAsync(Stream file, string fileName, string? orgCode, bool dryRun, CancellationToken ct)
    {
        var errors = new List<ImportProblem>();
        var unit = await OwnerAsync(orgCode, ct);
        var (raw, suitsRaw) = Read(file, fileName, errors);
        if (errors.Count > 0)
            return new ImportResult(dryRun, false, raw.Count, 0, 0, 0, errors);

        var agencies = await db.OrgUnits.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        var matcher = new RespondentMatcher(agencies, unit, await RespondentNames.RegionNamesAsync(db, unit, agencies, ct), await db.RespondentAliases().AsNoTracking().Where(a => a.OrgUnitId == unit.Id).ToListAsync(ct));
        var unmatched = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < raw.Count; i++)
            if (Check(raw[i], i + 2, matcher, unmatched, seen, errors) is { } row)
                rows.Add(row);
        var numbers = rows.Select(r => r.CaseNumber).ToList();
        var existing = await db.ReconCases().ForUniquenessCheck().Include(c => c.Events)
            .Where(c => numbers.Contains(c.CaseNumber)).ToDictionaryAsync(c => c.CaseNumber, ct);
        var visible = (await db.ReconCases().Where(c => numbers.Contains(c.CaseNumber)).Select(c => c.CaseNumber).ToListAsync(ct)).ToHashSet();
        var changed = new List<Row>();
        var unchanged = 0;
        foreach (var r in rows.Where(r => existing.ContainsKey(r.CaseNumber)))
        {
            var c = existing[r.CaseNumber];
            if (!visible.Contains(r.CaseNumber))
                errors.Add(new ImportProblem(r.Number, "案号", UniquenessMessages.Taken("案号", r.CaseNumber) + "，本机构不能导入")); // whose: not said
            else if (Same(c, r))
                unchanged++;
            else if (c.Imported)
                changed.Add(r);
            else
                errors.Add(new ImportProblem(r.Number, "案号", $"案号“{r.CaseNumber}”的案件由本系统办理，与台账内容不一致；台账导入不能覆盖系统中的办理记录"));
        }
        var created = rows.Count(r => !existing.ContainsKey(r.CaseNumber));

        // The optional 应诉 sheet: suits keyed by (法院, 案号).
        var suits = new List<SuitRow>();
        var seenSuits = new Dictionary<(string, string), int>();
        for (var i = 0; i < suitsRaw.Count; i++)
            if (CheckSuit(suitsRaw[i], i + 2, matcher, unmatched, seenSuits, errors) is { } suit)
                suits.Add(suit);
        var suitNumbers = suits.Select(s => s.CourtCaseNumber).ToList();
        var existingSuits = await db.Set<LitigationCase>().ForUniquenessCheck().Where(s => suitNumbers.Contains(s.CourtCaseNumber)).ToListAsync(ct);
        var visibleSuits = (await db.Set<LitigationCase>().Where(s => suitNumbers.Contains(s.CourtCaseNumber)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var suitPlan = new List<(SuitRow Row, LitigationCase? Existing)>();
        var suitsUnchanged = 0;
        foreach (var s in suits)
        {
            var match = existingSuits.FirstOrDefault(x => x.Court == s.Court && x.CourtCaseNumber == s.CourtCaseNumber);
            if (match is null)
                suitPlan.Add((s, null));
            else if (!visibleSuits.Contains(match.Id))
                errors.Add(new ImportProblem(s.Number, "案号", UniquenessMessages.Taken($"{s.Court}的案号", s.CourtCaseNumber) + "，本机构不能导入", LitigationSheet));
            else if (match.Plaintiff == s.Plaintiff && match.DefendantOrgUnitId == s.Defendant.Id && match.FiledOn == s.Filed && match.ConcludedOn == s.Concluded && match.Outcome == s.Outcome)
                suitsUnchanged++;
            else
                suitPlan.Add((s, match));
        }
        var suitsCreated = suitPlan.Count(p => p.Existing is null);
        var suitsUpdated = suitPlan.Count - suitsCreated;

        if (errors.Count > 0 || dryRun)
            return new ImportResult(dryRun, false, raw.Count, created, changed.Count, unchanged, [.. errors.OrderBy(e => e.Sheet).ThenBy(e => e.Row)],
                suitsRaw.Count, suitsCreated, suitsUpdated, suitsUnchanged,
                [.. unmatched.Select(u => new UnmatchedRespondent(u.Key, u.Value))],
                unmatched.Count == 0 ? null : [.. matcher.Choices.OrderBy(d => d.SortOrder).ThenBy(d => d.Code).Select(d => new DepartmentChoice(d.Code, d.Name))]);

        var now = db.Clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var fresh = new List<ReconCase>();
        foreach (var r in rows.Where(r => !existing.ContainsKey(r.CaseNumber)))
        {
            var c = new ReconCase
            {
                OrgUnitId = unit.Id, CaseNumber = r.CaseNumber, Year = r.Received.Year, ApplicantName = r.Applicant,
                RespondentOrgUnitId = r.Respondent.Id, RespondentName = r.Respondent.Name, Matter = r.Matter,
                Channel = ApplicationChannel.Window, ReceivedOn = r.Received, ReceivedAtUtc = ChinaTime.StartOfDayUtc(r.Received),
            };
            c.ApplyLedger(r.Accepted, r.Closed, r.Status, r.Decision, r.Termination, db.Actor.UserName, now);
            db.ReconCases().Add(c);
            fresh.Add(c);
        }
        foreach (var r in changed)
        {
            var c = existing[r.CaseNumber];
            (c.ApplicantName, c.RespondentOrgUnitId, c.RespondentName, c.Matter, c.ReceivedOn) = (r.Applicant, r.Respondent.Id, r.Respondent.Name, r.Matter, r.Received);
            c.ApplyLedger(r.Accepted, r.Closed, r.Status, r.Decision, r.Termination, db.Actor.UserName, now);
            fresh.Add(c);
        }
        foreach (var (s, found) in suitPlan)
        {
            var suit = found ?? db.Set<LitigationCase>().Add(new LitigationCase
            {
                OrgUnitId = unit.Id, Court = s.Court, CourtCaseNumber = s.CourtCaseNumber, Plaintiff = "", DefendantName = "", Cause = "（台账导入）",
            }).Entity;
            (suit.Plaintiff, suit.DefendantOrgUnitId, suit.DefendantName, suit.FiledOn, suit.ConcludedOn, suit.Outcome) =
                (s.Plaintiff, s.Defendant.Id, s.Defendant.Name, s.Filed, s.Concluded, s.Outcome);
        }
        await db.SaveChangesAsync(ct);
        foreach (var c in fresh)
            await cases.SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(false, true, raw.Count, created, changed.Count, unchanged, [], suitsRaw.Count, suitsCreated, suitsUpdated, suitsUnchanged);
    }

    private async Task<OrgUnit> OwnerAsync(string? orgCode, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(orgCode))
            return await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode, ct)
                ?? throw FazhiValidationException.For("org", $"机构“{orgCode}”不存在或不在您的数据权限范围内");
        var own = db.Actor.OrgUnitId ?? throw FazhiValidationException.For("org", "请指定台账所属的复议机构（org）");
        return await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == own, ct);
    }

    /// <summary>Whether the case already says what the row says (a 调解书 is written in ledgers as 终止 with reason 调解).</summary>
    private static bool Same(ReconCase c, Row r)
    {
        var (status, termination) = c.Status == CaseStatus.Mediated ? (CaseStatus.Terminated, TerminationReason.Mediation) : (c.Status, c.TerminationReason);
        return c.ApplicantName == r.Applicant && c.RespondentOrgUnitId == r.Respondent.Id && c.Matter == r.Matter && c.ReceivedOn == r.Received &&
            c.AcceptedOn == r.Accepted && c.ClosedOn == r.Closed && status == r.Status && c.DecisionType == r.Decision && termination == r.Termination;
    }

    /// <summary>Reads the first sheet (or the CSV) into rows keyed by header; refuses what is not a ledger.</summary>
    private static (List<Dictionary<string, object?>> Cases, List<Dictionary<string, object?>> Suits) Read(Stream file, string fileName, List<ImportProblem> errors)
    {
        List<Dictionary<string, object?>> suits = [];
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            errors.Add(new ImportProblem(0, null, $"文件超过{MaxBytes / 1024 / 1024}MB"));
            return ([], []);
        }
        var isCsv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        List<Dictionary<string, object?>> rows;
        try
        {
            if (!isCsv)
                SheetLimits.Check(buffer);
            if (!isCsv && MergedCells(buffer) is { } merged)
            {
                errors.Add(new ImportProblem(0, null, $"表格含有合并单元格（{merged}），请取消合并并在每一行填全后再导入"));
                return ([], []);
            }
            buffer.Position = 0;
            string? mainSheet = null;
            if (!isCsv)
            {
                var sheets = MiniExcel.GetSheetNames(buffer);
                mainSheet = sheets.FirstOrDefault(n => n != LitigationSheet) ?? sheets.FirstOrDefault();
                if (sheets.Contains(LitigationSheet) && mainSheet != LitigationSheet)
                {
                    buffer.Position = 0;
                    suits = Rows(MiniExcel.Query(buffer, useHeaderRow: true, sheetName: LitigationSheet, excelType: ExcelType.XLSX));
                }
                buffer.Position = 0;
            }
            rows = Rows(MiniExcel.Query(buffer, useHeaderRow: true, sheetName: mainSheet, excelType: isCsv ? ExcelType.CSV : ExcelType.XLSX));
        }
        catch (SheetTooLargeException e)
        {
            errors.Add(new ImportProblem(0, null, e.Message));
            return ([], []);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException
                                   or System.Xml.XmlException or OpenXmlPackageException or NotSupportedException)
        {
            errors.Add(new ImportProblem(0, null, $"文件不是有效的{(isCsv ? "CSV" : "Excel（.xlsx）")}文件"));
            return ([], []);
        }
        if (rows.Count == 0)
        {
            errors.Add(new ImportProblem(0, null, "表格没有数据行（第一行应为表头：" + string.Join("、", Headers) + "）"));
            return ([], []);
        }
        if (rows.Count > MaxRows)
            errors.Add(new ImportProblem(0, null, $"一次最多导入{MaxRows}行"));
        var missing = Headers.Where(h => !rows[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
            errors.Add(new ImportProblem(1, null, "缺少表头：" + string.Join("、", missing)));
        var missingSuit = suits.Count == 0 ? [] : LitigationHeaders.Where(h => !suits[0].ContainsKey(h)).ToList();
        if (missingSuit.Count > 0)
            errors.Add(new ImportProblem(1, null, "缺少表头：" + string.Join("、", missingSuit), LitigationSheet));
        return (rows, suits);
    }

    /// <summary>Rows keyed by trimmed header, blank rows dropped, at most one past the limit (to report it).</summary>
    private static List<Dictionary<string, object?>> Rows(IEnumerable<dynamic> query)
    {
        var rows = SheetLimits.Rows(query)
            .Select(r => r.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value))
            .Where(r => !r.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            .Take(MaxRows + 1).ToList();
        return rows;
    }

    private static string? MergedCells(MemoryStream xlsx)
    {
        xlsx.Position = 0;
        using var doc = SpreadsheetDocument.Open(xlsx, false);
        if (doc.WorkbookPart?.WorksheetParts.FirstOrDefault() is not { } part)
            return null;
        // Streamed: loading the sheet's DOM (Worksheet) held the whole inflated sheet in memory.
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.IsStartElement && reader.ElementType == typeof(MergeCell))
                return ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value;
        return null;
    }

    private Row? Check(Dictionary<string, object?> cells, int n, RespondentMatcher agencies, Dictionary<string, List<string>> unmatched, Dictionary<string, int> seen, List<ImportProblem> errors)
    {
        var before = errors.Count;
        string Text(string column) => Convert.ToString(cells.GetValueOrDefault(column), CultureInfo.InvariantCulture)?.Trim() ?? "";
        void Error(string column, string message) => errors.Add(new ImportProblem(n, column, message));
        DateOnly? Date(string column, bool required)
        {
            var cell = cells.GetValueOrDefault(column);
            if (SheetDates.TryParse(cell, out var d, out var problem))
                return d;
            if (problem is not null) Error(column, problem);
            else if (required) Error(column, "不能为空");
            return null;
        }

        var number = Text("案号");
        if (number.Length == 0) Error("案号", "不能为空");
        else if (number.Length > 64) Error("案号", "不能超过64个字符");
        else if (seen.TryGetValue(number, out var first)) Error("案号", $"与第{first}行重复");
        else seen[number] = n;
        var applicant = Text("申请人");
        if (applicant.Length is 0 or > 100 || applicant.Any(c => c is '<' or '>')) Error("申请人", "不能为空，不超过100个字符，不含 < >");
        var respondentName = Text("被申请人");
        var respondent = respondentName.Length == 0 ? null : agencies.Match(respondentName);
        if (respondent is null) Error("被申请人", respondentName.Length == 0 ? "不能为空" : Unmatched(respondentName, $"第{n}行", unmatched));
        var matter = Text("申请事项");
        if (matter.Length is 0 or > 500) Error("申请事项", "不能为空，不超过500个字符");
        var received = Date("收到日期", required: true);
        var accepted = Date("受理日期", required: false);
        var closed = Date("结案日期", required: false);
        if (received > DateOnly.FromDateTime(ChinaTime.Now(db.Clock))) Error("收到日期", "不能晚于今天");
        if (accepted < received) Error("受理日期", "不能早于收到日期");
        if (closed < (accepted ?? received)) Error("结案日期", accepted is null ? "不能早于收到日期" : "不能早于受理日期");

        var way = Text("结案方式");
        DecisionType? decision = null;
        TerminationReason? termination = null;
        var status = accepted is null ? CaseStatus.Reviewing : CaseStatus.Hearing;
        switch (way)
        {
            case "":
                if (closed is not null) Error("结案方式", "已填结案日期，请填写结案方式");
                break;
            case "决定":
                status = CaseStatus.Decided;
                decision = ReconNames.Parse<DecisionType>(Text("决定类型"), ReconNames.Of);
                if (decision is null) Error("决定类型", "应为维持、驳回、变更、撤销、确认违法、责令履行或确认无效");
                break;
            case "终止":
                status = CaseStatus.Terminated;
                termination = ReconNames.Parse<TerminationReason>(Text("终止原因"), ReconNames.Of);
                if (termination is null) Error("终止原因", "应为撤回、调解、和解或其他");
                break;
            case "不予受理": status = CaseStatus.NotAccepted; break;
            case "告知": status = CaseStatus.Referred; break;
            default: Error("结案方式", "应为决定、终止、不予受理或告知（在办案件留空）"); break;
        }
        if (status is CaseStatus.Decided or CaseStatus.Terminated && accepted is null) Error("受理日期", $"结案方式为“{way}”的案件须有受理日期");
        if (way.Length > 0 && closed is null) Error("结案日期", "已结案的案件须有结案日期");
        if (status is CaseStatus.NotAccepted or CaseStatus.Referred && accepted is not null) Error("受理日期", $"“{way}”的案件不应有受理日期");
        return errors.Count > before ? null
            : new Row(n, number, applicant, respondent!, matter, received!.Value, accepted, closed, status, decision, termination);
    }

    /// <summary>Notes a name no department matched and says what to do about it.</summary>
    private static string Unmatched(string name, string row, Dictionary<string, List<string>> unmatched)
    {
        if (!unmatched.TryGetValue(name, out var rows))
            unmatched[name] = rows = [];
        rows.Add(row);
        return $"“{name}”未能对应到本级或下级的行政机关：请在预检结果下方为它选择对应的部门（导入会记住），或按组织机构中的名称填写";
    }

    private static SuitRow? CheckSuit(Dictionary<string, object?> cells, int n, RespondentMatcher agencies, Dictionary<string, List<string>> unmatched, Dictionary<(string, string), int> seen, List<ImportProblem> errors)
    {
        var before = errors.Count;
        string Text(string column) => Convert.ToString(cells.GetValueOrDefault(column), CultureInfo.InvariantCulture)?.Trim() ?? "";
        void Error(string column, string message) => errors.Add(new ImportProblem(n, column, message, LitigationSheet));
        var number = Text("案号");
        var court = Text("法院");
        if (number.Length is 0 or > 64) Error("案号", "不能为空，不超过64个字符");
        if (court.Length is 0 or > 64) Error("法院", "不能为空，不超过64个字符");
        if (number.Length > 0 && court.Length > 0 && !seen.TryAdd((court, number), n)) Error("案号", $"与第{seen[(court, number)]}行重复");
        var plaintiff = Text("原告");
        if (plaintiff.Length is 0 or > 100 || plaintiff.Any(c => c is '<' or '>')) Error("原告", "不能为空，不超过100个字符，不含 < >");
        var defendantName = Text("被告");
        var defendant = defendantName.Length == 0 ? null : agencies.Match(defendantName);
        if (defendant is null) Error("被告", defendantName.Length == 0 ? "不能为空" : Unmatched(defendantName, $"{LitigationSheet}第{n}行", unmatched));
        DateOnly? filed = null, judged = null;
        if (SheetDates.TryParse(cells.GetValueOrDefault("立案日期"), out var f, out var fe)) filed = f;
        else Error("立案日期", fe ?? "不能为空");
        if (SheetDates.TryParse(cells.GetValueOrDefault("判决日期"), out var j, out var je)) judged = j;
        else if (je is not null) Error("判决日期", je);
        if (judged < filed) Error("判决日期", "不能早于立案日期");
        var outcomeText = Text("结果");
        LitigationOutcome? outcome = null;
        if (outcomeText.Length > 0)
        {
            outcome = ReconNames.Parse<LitigationOutcome>(outcomeText, LitigationNames.Of);
            if (outcome is null) Error("结果", "应为胜诉、败诉、撤诉或调解");
            else if (judged is null) Error("判决日期", "有结果的案件须填写判决（结案）日期");
        }
        return errors.Count > before ? null : new SuitRow(n, court, number, plaintiff, defendant!, filed!.Value, judged, outcome);
    }

    /// <summary>台账导出: the same columns, so an exported ledger imports back unchanged.</summary>
    public async Task<byte[]> ExportAsync(int? year, CancellationToken ct)
    {
        var q = db.ReconCases().AsNoTracking();
        if (year is { } y)
            q = q.Where(c => c.Year == y);
        var list = await q.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id).ToListAsync(ct);
        var rows = list.Select(c => new Dictionary<string, object?>
        {
            ["案号"] = c.CaseNumber, ["申请人"] = c.ApplicantName, ["被申请人"] = c.RespondentName, ["申请事项"] = c.Matter,
            ["收到日期"] = Iso(c.ReceivedOn), ["受理日期"] = Iso(c.AcceptedOn), ["结案日期"] = Iso(c.ClosedOn),
            ["结案方式"] = c.Status switch
            {
                CaseStatus.Decided => "决定", CaseStatus.Terminated or CaseStatus.Mediated => "终止", CaseStatus.NotAccepted => "不予受理",
                CaseStatus.Referred => "告知", _ => "",
            },
            ["决定类型"] = c.DecisionType is { } d ? ReconNames.Of(d) : "",
            ["终止原因"] = c.Status == CaseStatus.Mediated ? "调解" : c.TerminationReason is { } t ? ReconNames.Of(t) : "",
        });
        var suits = (await db.Set<LitigationCase>().AsNoTracking().Where(s => year == null || s.FiledOn.Year == year).OrderBy(s => s.FiledOn).ToListAsync(ct))
            .Select(s => new Dictionary<string, object?>
            {
                ["案号"] = s.CourtCaseNumber, ["法院"] = s.Court, ["原告"] = s.Plaintiff, ["被告"] = s.DefendantName,
                ["立案日期"] = Iso(s.FiledOn), ["判决日期"] = Iso(s.ConcludedOn), ["结果"] = s.Outcome is { } o ? LitigationNames.Of(o) : "",
            }).ToList();
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { ["行政复议台账"] = rows.ToList() };
        if (suits.Count > 0)
            sheets[LitigationSheet] = suits;
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
