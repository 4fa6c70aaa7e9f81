using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Contracts;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

public sealed record TicketFilter(string? Org, string? Q, string? Town, string? Field, bool? Disputed, DateOnly? From, DateOnly? To, int Page = 1, int Size = 20);

/// <summary>A ticket in a list: personal data masked.</summary>
public sealed record TicketRow(string TicketNo, string ReceivedAt, string? Caller, string? Phone, string Place, string Town, string Text, string? Field,
    string? Department, int Reassignments, int Bounces, string? Status, string? Satisfaction, string? MergedInto);

public sealed record TicketPage(int Total, int Page, int Size, IReadOnlyList<TicketRow> Items);

public sealed record TicketDetail(TicketRow Ticket, IReadOnlyList<StepView> Steps, string? Reply, string? MergeReason, string? DueAt,
    IReadOnlyList<ChangeView> History, long? ComplaintWarningId, string? CreditCode, string? MergedBy = null, string? MergedAt = null,
    IReadOnlyList<string>? Duplicates = null);

public sealed record StepView(string At, string? From, string? To, string Kind, string? Reason);

public sealed record ChangeView(string At, string By, string Field, string? Before, string? After);

public sealed record ComplaintFromTicket(string? Department, string? EnterpriseName, string? CreditCode);

public sealed partial class TicketQueries(FazhiDb db, TicketIngestion ingestion, IEnforcementComplaints complaints, IEnterpriseRecords enterprises, TimeProvider clock,
    Triage.TriageService triage)
{
    public async Task<TicketPage> ListAsync(TicketFilter f, CancellationToken ct)
    {
        var q = await FilteredAsync(f, ct);
        var size = Math.Clamp(f.Size, 1, 200);
        var page = Math.Max(1, f.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(t => t.ReceivedAtUtc).ThenByDescending(t => t.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var orgs = await ingestion.OrgsAsync(ct);
        return new TicketPage(total, page, size, [.. rows.Select(t => Row(t, orgs))]);
    }

    /// <summary>导出: the filtered list as .xlsx (caller and phone masked as on screen), newest first, at most
    /// <see cref="Kernel.Sheets.SheetLimits.MaxSheetRows"/> rows.</summary>
    public async Task<byte[]> ExportAsync(TicketFilter f, CancellationToken ct)
    {
        var q = await FilteredAsync(f, ct);
        var rows = await q.OrderByDescending(t => t.ReceivedAtUtc).ThenByDescending(t => t.Id).Take(Kernel.Sheets.SheetLimits.MaxSheetRows).ToListAsync(ct);
        var orgs = await ingestion.OrgsAsync(ct);
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows.Select(t => Row(t, orgs)).Select(r => new Dictionary<string, object?>
        {
            ["工单编号"] = r.TicketNo, ["受理时间"] = r.ReceivedAt, ["来电人"] = r.Caller, ["来电号码"] = r.Phone, ["反映地点"] = r.Place, ["街道"] = r.Town,
            ["诉求内容"] = r.Text, ["领域"] = r.Field, ["承办单位"] = r.Department ?? "未派单", ["转办次数"] = r.Reassignments, ["退单次数"] = r.Bounces,
            ["满意度"] = r.Satisfaction, ["并入工单"] = r.MergedInto,
        }), sheetName: "热线工单", cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<IQueryable<HotlineTicket>> FilteredAsync(TicketFilter f, CancellationToken ct)
    {
        // The period first: on PostgreSQL it reads only the partitions of its months (Data/TicketPeriods, ADR 0011).
        var q = Data.TicketPeriods.Received(db, f.From is { } from ? ChinaTime.StartOfDayUtc(from) : null, f.To is { } to ? ChinaTime.StartOfDayUtc(to.AddDays(1)) : null);
        if (!string.IsNullOrWhiteSpace(f.Org))
        {
            var path = await db.OrgUnits.PathOfAsync(f.Org.Trim(), ct);
            q = q.Where(t => db.OrgUnits.Any(o => o.Id == t.OrgUnitId && o.Path.StartsWith(path)) || db.OrgUnits.Any(o => o.Code == t.TownCode && o.Path.StartsWith(path)));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var s = f.Q.Trim();
            var phone = db.Fields.IndexOf(s);
            q = q.Where(t => t.TicketNo == s || t.Text.Contains(s) || t.Place.Contains(s) || EF.Property<string>(t, "CallerPhoneIndex") == phone);
        }
        if (!string.IsNullOrWhiteSpace(f.Town))
            q = q.Where(t => t.TownCode == f.Town);
        if (!string.IsNullOrWhiteSpace(f.Field))
            q = q.Where(t => t.CentreField == f.Field || t.LabelField == f.Field);
        if (f.Disputed == true)
        {
            // The miner's rule (ClusterMiner.IsDisputed): reassigned twice or more, bounced, or without a department *and*
            // about administrative enforcement (staff label, else the district's model, else a term of the user dictionary).
            var unclear = await UnclearAsync(q, ct);
            q = q.Where(t => t.Reassignments >= 2 || t.Bounces >= 1 || (t.DepartmentCode == null && (t.LabelEnforcement == true || unclear.Contains(t.Id))));
        }
        return q;
    }

    /// <summary>The unassigned, unlabelled tickets of a query (not already disputed by their travels) that the enforcement
    /// judge of <see cref="Triage.TriageService.EnforcementJudgeAsync"/> — the miner's — finds about enforcement.</summary>
    private async Task<List<long>> UnclearAsync(IQueryable<HotlineTicket> q, CancellationToken ct)
    {
        var rows = await q.Where(t => t.DepartmentCode == null && t.LabelEnforcement == null && t.Reassignments < 2 && t.Bounces < 1)
            .Select(t => new { t.Id, t.OrgUnitId, t.Text }).ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var judge = await triage.EnforcementJudgeAsync(rows.Select(r => r.OrgUnitId), ct);
        return [.. rows.Where(r => judge(r.OrgUnitId, null, triage.Segment(r.Text))).Select(r => r.Id)];
    }

    internal static TicketRow Row(HotlineTicket t, OrgIndex orgs) => new(t.TicketNo, ChinaTime.Format(t.ReceivedAtUtc), MaskName(t.CallerName),
        PersonalData.MaskPhone(t.CallerPhone), t.Place, orgs.NameOf(t.TownCode), t.Text, t.CentreField, t.DepartmentCode is null ? null : orgs.NameOf(t.DepartmentCode),
        t.Reassignments, t.Bounces, t.Status, t.Satisfaction, t.MergedInto);

    public static string? MaskName(string? name) => string.IsNullOrEmpty(name) ? name : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    public async Task<TicketDetail> GetAsync(string ticketNo, CancellationToken ct)
    {
        var t = await db.HotlineTickets().AsNoTracking().FirstOrDefaultAsync(x => x.TicketNo == ticketNo, ct)
            ?? throw new NotFoundException($"工单“{ticketNo}”不存在或不在您的数据权限范围内。");
        var orgs = await ingestion.OrgsAsync(ct);
        var history = await db.TicketChanges().AsNoTracking().Where(h => h.TicketId == t.Id).OrderByDescending(h => h.Id).Take(200).ToListAsync(ct);
        var duplicates = await db.HotlineTickets().AsNoTracking().Where(x => x.MergedInto == t.TicketNo).OrderBy(x => x.ReceivedAtUtc).Select(x => x.TicketNo).Take(100).ToListAsync(ct);
        return new TicketDetail(Row(t, orgs),
            [.. ReassignmentJson.Read(t.ReassignmentsJson).Select(s => new StepView(ChinaTime.Format(s.At), s.From is null ? null : orgs.NameOf(s.From), s.To is null ? null : orgs.NameOf(s.To), s.Kind, s.Reason))],
            t.Reply, t.MergeReason, t.DueAtUtc is { } d ? ChinaTime.Format(d) : null,
            [.. history.Select(h => new ChangeView(ChinaTime.Format(h.ChangedAtUtc), h.ChangedBy, FieldLabel(h.Field), h.Before, h.After))],
            t.ComplaintWarningId, CreditCodeIn(t.Text), t.MergedBy, t.MergedAtUtc is { } m ? ChinaTime.Format(m) : null, duplicates);
    }

    private static string FieldLabel(string column) => column switch
    {
        "org_unit_id" => "所属区县", "received_at_utc" => "受理时间", "place" => "反映地点", "town_code" => "街道", "community" => "社区", "text" => "诉求内容",
        "centre_field" => "领域", "department_code" => "承办单位", "reassignments_json" => "流转记录", "due_at_utc" => "办理时限", "status" => "办理状态",
        "reply" => "答复内容", "satisfaction" => "满意度", "merged_into" => "并入工单", "merge_reason" => "并单理由", "caller_name" => "来电人",
        "caller_phone" => "来电号码", TicketMerges.KeptField => "人工并单（热线中心推送值未采用）", TicketMerges.UnmergeField => "撤销并单理由",
        _ => column,
    };

    [System.Text.RegularExpressions.GeneratedRegex("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")]
    private static partial System.Text.RegularExpressions.Regex CreditCodePattern();

    /// <summary>A 统一社会信用代码 written in the ticket's text, when one is valid.</summary>
    public static string? CreditCodeIn(string text) =>
        CreditCodePattern().Matches(text).Select(m => m.Value).FirstOrDefault(c => UnifiedSocialCreditCode.IsValid(c));

    /// <summary>转执法监督: a ticket about an enforcement department's conduct opens a 行政执法投诉 (a ZF11 warning with
    /// its own deadlines) in 行政执法监督; the same ticket twice answers the first.</summary>
    public async Task<ComplaintOpened> OpenComplaintAsync(string ticketNo, ComplaintFromTicket r, CancellationToken ct)
    {
        var t = await db.HotlineTickets().FirstOrDefaultAsync(x => x.TicketNo == ticketNo, ct)
            ?? throw new NotFoundException($"工单“{ticketNo}”不存在或不在您的数据权限范围内。");
        var department = string.IsNullOrWhiteSpace(r.Department) ? t.DepartmentCode : r.Department.Trim();
        if (string.IsNullOrEmpty(department))
            throw FazhiValidationException.For("department", "请选择被投诉的执法部门");
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == department || o.Name == department, ct)
            ?? throw FazhiValidationException.For("department", $"执法部门“{department}”不存在或不在您的数据权限范围内");
        if (unit.Kind != OrgKind.EnforcementDepartment)
            throw FazhiValidationException.For("department", $"“{unit.Name}”不是执法部门");
        var text = t.Text.Length > 800 ? t.Text[..800] : t.Text;
        var opened = await complaints.OpenAsync(new ComplaintRequest(unit.Code, r.CreditCode?.Trim() ?? CreditCodeIn(t.Text),
            string.IsNullOrWhiteSpace(r.EnterpriseName) ? "（12345来电群众）" : r.EnterpriseName.Trim(), text, "12345-" + t.TicketNo), ct);
        if (t.ComplaintWarningId != opened.WarningId)
        {
            t.ComplaintWarningId = opened.WarningId;
            await db.SaveChangesAsync(ct);
        }
        return opened;
    }

    /// <summary>The inspections and penalties of the enterprise the ticket names (its credit code in the text, or given),
    /// over the two years before the ticket: 重复检查 complaints and silent departments become visible.</summary>
    public async Task<IReadOnlyList<EnterpriseRecord>> EnterpriseRecordsAsync(string ticketNo, string? creditCode, CancellationToken ct)
    {
        var t = await db.HotlineTickets().AsNoTracking().FirstOrDefaultAsync(x => x.TicketNo == ticketNo, ct)
            ?? throw new NotFoundException($"工单“{ticketNo}”不存在或不在您的数据权限范围内。");
        var code = string.IsNullOrWhiteSpace(creditCode) ? CreditCodeIn(t.Text) : creditCode.Trim();
        if (code is null)
            throw FazhiValidationException.For("creditCode", "工单内容中没有统一社会信用代码，请填写企业的统一社会信用代码");
        var day = DateOnly.FromDateTime(ChinaTime.ToChina(t.ReceivedAtUtc));
        return await enterprises.ForEnterpriseAsync(code, day.AddYears(-2), Kernel.Metrics.Dates.Today(clock), ct);
    }
}
