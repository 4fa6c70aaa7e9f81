using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

[RequiresPermission(ReconPermissions.LitigationView)]
public sealed class LitigationModel(LitigationService svc, FazhiDb db, Kernel.Dictionaries.IDictionaries dictionaries) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    public LitigationRequest Input { get; private set; } = new(null, null, "一审", null, null, null, null, null, null, null, null, null, null, null);
    public List<LitigationDto> Cases { get; private set; } = [];
    public List<OrgUnit> Agencies { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var c = await svc.GetAsync(id, ct);
            var dto = Cases.FirstOrDefault(x => x.Id == id);
            Input = new LitigationRequest(c.Court, c.CourtCaseNumber, LitigationNames.Of(c.Instance), c.Plaintiff,
                Agencies.FirstOrDefault(a => a.Id == c.DefendantOrgUnitId)?.Code, c.Cause, dto?.ReconCaseNumber, c.FiledOn, c.ComplaintServedOn,
                c.AnswerFiledOn, c.HearingOn, c.HeadAppeared, c.Outcome is { } o ? LitigationNames.Of(o) : null, c.ConcludedOn, c.Appealed,
                JudgmentKind: c.JudgmentKind is { } k ? LitigationNames.Of(k) : null, JudgmentServedOn: c.JudgmentServedOn, CoDefendant: c.CoDefendant, LossReason: c.LossReason);
        }
    }

    [RequiresPermission(ReconPermissions.LitigationEdit)]
    public async Task<IActionResult> OnPostAsync(long? id, LitigationRequest input, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
            return Forbid();
        Input = input;
        Id = id;
        if (await TryAsync(() => svc.SaveAsync(id, input, ct)) is { } saved)
        {
            Message = $"已保存应诉案件 {saved.CourtCaseNumber}。";
            return Redirect($"/reconsideration/litigation?id={saved.Id}");
        }
        return Page();
    }

    // ---- recon-rules (issue 15 §5): 败诉原因 (字典) and 负责人出庭 per hearing ----

    public IReadOnlyList<Kernel.Dictionaries.DictItemView> LossReasons { get; private set; } = [];

    public LitigationDto? Current => Id is { } cur ? Cases.FirstOrDefault(c => c.Id == cur) : null;

    [RequiresPermission(ReconPermissions.LitigationEdit)]
    public async Task<IActionResult> OnPostHearingAsync(long id, CourtHearingRequest hearing, CancellationToken ct)
    {
        if (await TryAsync(() => svc.AddHearingAsync(id, hearing, ct)) is not null)
        {
            Message = "已记录开庭。";
            return Redirect($"/reconsideration/litigation?id={id}");
        }
        Id = id;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        LossReasons = await dictionaries.ChoicesAsync(Rules.LitigationRules.LossReasonType, ct);
        Cases = await svc.ListAsync(Q, ct);
        Agencies = await db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrgKind.EnforcementDepartment || o.Kind == OrgKind.JusticeBureau || o.Kind == OrgKind.JusticeOffice))
            .OrderBy(o => o.Path).ToListAsync(ct);
        CanEdit = User.Can(ReconPermissions.LitigationEdit);
    }
}
