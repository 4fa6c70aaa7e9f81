using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Attachments;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Features.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class AssessmentModel(OfficeService office, OfficeQueries queries, AttachmentService attachments, FazhiDb db) : OfficePage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public List<AssessmentIndicator> Indicators { get; private set; } = [];
    public RankingAnswer Ranking { get; private set; } = new(0, 0, 0, []);
    public List<ScoreDto> Scores { get; private set; } = [];
    public Dictionary<long, List<AttachmentDto>> Evidence { get; } = [];
    public List<(string Code, string Name)> Units { get; private set; } = [];
    /// <summary>The indicators the chosen unit is scored on this quarter: those applying to its kind, in force or already scored.</summary>
    public List<AssessmentIndicator> Scorable { get; private set; } = [];

    public BarChart RankingChart() => new("ranking-chart", $"{Ranking.Year}年第{Ranking.Quarter}季度法治建设考核得分（浅色为上年同季度）", [new ChartSeries("本季度得分", "#1d4f91")],
        [.. Ranking.Rows.Select(r => new BarRow($"{r.Rank}. {r.Unit}", [(int)Math.Round(r.Total)], (int)Math.Round(r.PreviousTotal ?? 0),
            $"/legality/office/assessment?year={Ranking.Year}&quarter={Ranking.Quarter}&unit={r.Code}") { NoPrevious = r.PreviousTotal is null })], "本季度尚未评分");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = office.Today;
        Year ??= today.Year;
        Quarter ??= OfficeRules.QuarterOf(today);
        Quarter = Math.Clamp(Quarter.Value, 1, 4);
        Indicators = await office.IndicatorsAsync(Year.Value, ct);
        Ranking = await queries.RankingAsync(Year.Value, Quarter.Value, null, ct);
        Units = [.. (await db.OrgUnits.AsNoTracking().Where(o => o.IsActive && (o.Kind == Kernel.Orgs.OrgKind.EnforcementDepartment || o.Kind == Kernel.Orgs.OrgKind.Town
                || o.Kind == Kernel.Orgs.OrgKind.JusticeBureau)).OrderBy(o => o.Path).Select(o => new { o.Code, o.Name }).ToListAsync(ct)).Select(o => (o.Code, o.Name))];
        if (Unit is null && Units.Count == 1)
            Unit = Units[0].Code;
        if (Unit is not null)
        {
            Scores = await queries.ScoresAsync(Unit, Year.Value, Quarter.Value, ct);
            var kind = await db.OrgUnits.AsNoTracking().Where(o => o.Code == Unit).Select(o => (Kernel.Orgs.OrgKind?)o.Kind).FirstOrDefaultAsync(ct);
            Scorable = [.. Indicators.Where(i => kind is { } k && IndicatorRules.Applies(i.AppliesTo, k) && i.AppliesIn(Quarter.Value))];
            foreach (var s in Scores)
                Evidence[s.Id] = await attachments.ListAsync(Features.ReviewService.Module, ScoreAttachments.Entity, s.Id, ct);
        }
    }

    private string Back => $"/legality/office/assessment?year={Year}&quarter={Quarter}&unit={Unit}";

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostScoreAsync(List<ScoreLine> scores, CancellationToken ct)
    {
        var lines = scores.Where(s => s.Score is not null).ToList();
        if (await TryAsync(() => office.ScoreAsync(new ScoreRequest(Unit, Year, Quarter, lines), ct)) is not null)
        {
            Message = $"已保存{Year}年第{Quarter}季度评分（{lines.Count}项）。";
            return Redirect(Back);
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeReport)]
    public async Task<IActionResult> OnPostAttachAsync(long scoreId, IFormFile? file, CancellationToken ct)
    {
        try
        {
            if (await TryAsync(() => attachments.UploadAsync(Features.ReviewService.Module, ScoreAttachments.Entity, scoreId, file, null, ct)) is { } a)
            {
                Message = $"已上传佐证材料“{a.FileName}”。";
                return Redirect(Back);
            }
        }
        catch (PayloadTooLargeException e)
        {
            ModelState.AddModelError("file", e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }
}
