using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Mediation.Pages;

/// <summary>登记纠纷: the committee, two parties (more through the API), category, source (诉调对接 with the court's number and
/// deadline), amount and facts.</summary>
[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class NewModel(DisputeService disputes, MediationRegistry registry, IDictionaries dicts, TimeProvider clock) : FazhiPageModel
{
    public IReadOnlyList<DictItemView> Categories { get; private set; } = [];
    public IReadOnlyList<CommitteeDto> Committees { get; private set; } = [];
    public string Today => Dates.Iso(Dates.Today(clock));

    /// <summary>What was typed into the i-th party's field when the form was refused.</summary>
    public string? PartyValue(string key, int i) => Request.HasFormContentType && Request.Form.TryGetValue(key, out var v) ? v.ElementAtOrDefault(i) : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(MediationPermissions.DisputeRegister)]
    public async Task<IActionResult> OnPostAsync(string? committeeCode, string? category, string? source, string? summary, decimal? amount, DateOnly? receivedOn,
        string? court, string? courtCaseNumber, DateOnly? courtDeadline, string[]? partyName, string[]? partyKind, string[]? partyId, string[]? partyPhone, CancellationToken ct)
    {
        var names = partyName ?? [];
        var parties = names.Select((n, i) => new PartyRequest(n, partyKind?.ElementAtOrDefault(i), partyId?.ElementAtOrDefault(i), partyPhone?.ElementAtOrDefault(i), null))
            .Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.IdNumber)).ToList();
        var d = await TryAsync(() => disputes.RegisterAsync(new DisputeRequest(committeeCode, category, source, summary, amount, receivedOn, parties, court, courtCaseNumber, courtDeadline), ct));
        if (d is not null)
        {
            Message = $"已登记纠纷 {d.Number}。";
            return Redirect($"/mediation/disputes/{d.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await dicts.ChoicesAsync(Rules.Categories.Type, ct);
        Committees = await registry.CommitteesAsync(ct);
    }
}
