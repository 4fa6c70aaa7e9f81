using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features.Triage;

/// <summary>One head's answer: the label, its probability (percent) and the words that decided it.</summary>
public sealed record HeadAnswer(string Label, decimal Probability, IReadOnlyList<string> Words);

/// <summary>研判结果 of a ticket: enforcement or not, the field, up to three candidate departments (org code and name);
/// the staff's labels when set; the model's date and size. Null heads when no model has been trained yet.</summary>
public sealed record TriageAnswer(string TicketNo, IReadOnlyList<string> Words, HeadAnswer? Enforcement, HeadAnswer? Field,
    IReadOnlyList<HeadAnswer> Departments, bool? LabelEnforcement, string? LabelField, string? LabelDepartment, DateTime? ModelTrainedAtUtc, int ModelExamples);

public sealed record LabelRequest(bool? Enforcement, string? Field, string? Department);

public sealed record TrainResult(string District, int Examples, decimal? HeldOutAccuracy);

/// <summary>
/// 智能研判: segments a ticket's text (jieba.NET with the bureau's user dictionary), classifies it with the newest model
/// trained on its district's labelled tickets, and turns staff corrections into training data. Retraining runs nightly
/// (<see cref="Jobs.RetrainJob"/>) and on demand.
/// </summary>
public sealed class TriageService(FazhiDb db, Segmenter segmenter, IDictionaries dictionaries, TimeProvider clock)
{
    /// <summary>Fewer labelled tickets than this and no held-out accuracy is reported (a fifth of them would say little).</summary>
    public const int MinForAccuracy = 50;

    private static readonly Dictionary<long, TriageHeads> Loaded = [];
    private static readonly Lock Gate = new();

    public async Task<IReadOnlyList<string>> WordsAsync(string text, CancellationToken ct)
    {
        segmenter.UseTerms((await dictionaries.ChoicesAsync("hotline.term", ct)).Select(i => i.Label));
        return segmenter.Words(text);
    }

    /// <summary>Segments with the terms loaded by the last <see cref="WordsAsync"/> (for loops over many tickets).</summary>
    public IReadOnlyList<string> Segment(string text) => segmenter.Words(text);

    /// <summary>The enforcement terms: the defaults and the user dictionary's (loaded into the segmenter as well).</summary>
    public async Task<HashSet<string>> TermsAsync(CancellationToken ct)
    {
        var terms = (await dictionaries.ChoicesAsync("hotline.term", ct)).Select(i => i.Label.Trim()).Where(t => t.Length >= 2).ToList();
        segmenter.UseTerms(terms);
        return [.. terms.Concat(TriageVocabulary.DefaultTerms)];
    }

    /// <summary>涉及行政执法? for many tickets at once: the staff's label when there is one, else the newest model of the
    /// ticket's district, else whether its words hold a term of the user dictionary (no model trained yet).</summary>
    public async Task<Func<int, bool?, IReadOnlyList<string>, bool>> EnforcementJudgeAsync(IEnumerable<int> districtIds, CancellationToken ct)
    {
        var terms = await TermsAsync(ct);
        var heads = new Dictionary<int, TriageHeads?>();
        foreach (var d in districtIds.Distinct())
            heads[d] = (await ModelOfAsync(d, ct)).Heads;
        return (district, label, words) =>
        {
            if (label is { } l)
                return l;
            if (heads.GetValueOrDefault(district) is { } h && h.Enforcement.Rank(words) is { Count: > 0 } ranked)
                return ranked[0].Label == TriageTraining.Yes;
            return words.Any(terms.Contains);
        };
    }

    /// <summary>The classifier's answer for many tickets at once: (涉及执法?, 领域) by the newest model of the ticket's
    /// district; null when that district has no model yet. Load the user dictionary first (<see cref="TermsAsync"/>).</summary>
    public async Task<Func<int, IReadOnlyList<string>, (bool Enforcement, string? Field)?>> FieldJudgeAsync(IEnumerable<int> districtIds, CancellationToken ct)
    {
        var heads = new Dictionary<int, TriageHeads?>();
        foreach (var d in districtIds.Distinct())
            heads[d] = (await ModelOfAsync(d, ct)).Heads;
        return (district, words) =>
        {
            if (heads.GetValueOrDefault(district) is not { } h || h.Enforcement.Rank(words) is not { Count: > 0 } ranked)
                return null;
            if (ranked[0].Label != TriageTraining.Yes)
                return (false, null);
            return (true, h.Field.Rank(words) is { Count: > 0 } f ? f[0].Label : null);
        };
    }

    /// <summary>Retrains the model of every district in scope that has labelled tickets.</summary>
    public async Task<IReadOnlyList<TrainResult>> TrainAllAsync(CancellationToken ct)
    {
        var districts = await db.HotlineTickets().Where(t => t.LabelEnforcement != null).Select(t => t.OrgUnitId).Distinct().ToListAsync(ct);
        var results = new List<TrainResult>();
        foreach (var d in districts)
            results.Add(await TrainAsync(d, ct));
        return results;
    }

    public async Task<TrainResult> TrainAsync(int districtId, CancellationToken ct)
    {
        var labelled = await db.HotlineTickets().AsNoTracking().Where(t => t.OrgUnitId == districtId && t.LabelEnforcement != null)
            .OrderBy(t => t.Id).Select(t => new { t.Text, t.LabelEnforcement, t.LabelField, t.LabelDepartment }).ToListAsync(ct);
        await WordsAsync("", ct); // loads the user dictionary once
        var examples = labelled.Select(t => new LabelledExample(segmenter.Words(t.Text), t.LabelEnforcement!.Value, t.LabelField, t.LabelDepartment)).ToList();
        decimal? accuracy = null;
        if (examples.Count >= MinForAccuracy)
            accuracy = Math.Round((decimal)TriageTraining.Evaluate(examples).Field * 100, 2);
        var model = new TriageModel
        {
            OrgUnitId = districtId, TrainedAtUtc = clock.GetUtcNow().UtcDateTime, Examples = examples.Count, HeldOutAccuracy = accuracy,
            ModelJson = TriageTraining.Train(examples).ToJson(),
        };
        db.TriageModels().Add(model);
        await db.SaveChangesAsync(ct);
        var code = await db.OrgUnits.WholeOrgTree().Where(o => o.Id == districtId).Select(o => o.Code).FirstAsync(ct);
        return new TrainResult(code, examples.Count, accuracy);
    }

    private async Task<(TriageModel? Row, TriageHeads? Heads)> ModelOfAsync(int districtId, CancellationToken ct)
    {
        var row = await db.TriageModels().AsNoTracking().Where(m => m.OrgUnitId == districtId).OrderByDescending(m => m.Id)
            .Select(m => new { m.Id, m.TrainedAtUtc, m.Examples }).FirstOrDefaultAsync(ct);
        if (row is null)
            return (null, null);
        TriageHeads? heads;
        lock (Gate)
            Loaded.TryGetValue(row.Id, out heads);
        if (heads is null)
        {
            var json = await db.TriageModels().AsNoTracking().Where(m => m.Id == row.Id).Select(m => m.ModelJson).FirstAsync(ct);
            heads = TriageHeads.FromJson(json);
            lock (Gate)
                Loaded[row.Id] = heads;
        }
        return (new TriageModel { Id = row.Id, TrainedAtUtc = row.TrainedAtUtc, Examples = row.Examples, ModelJson = "" }, heads);
    }

    public async Task<TriageAnswer> ClassifyAsync(string ticketNo, CancellationToken ct)
    {
        var t = await db.HotlineTickets().AsNoTracking().FirstOrDefaultAsync(x => x.TicketNo == ticketNo, ct)
            ?? throw new NotFoundException($"工单“{ticketNo}”不存在或不在您的数据权限范围内。");
        var words = await WordsAsync(t.Text, ct);
        var (row, heads) = await ModelOfAsync(t.OrgUnitId, ct);
        if (heads is null)
            return new TriageAnswer(t.TicketNo, words, null, null, [], t.LabelEnforcement, t.LabelField, t.LabelDepartment, null, 0);
        var names = await db.OrgUnits.WholeOrgTree().AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        HeadAnswer? Head(NaiveBayes nb, Func<string, string>? label = null)
        {
            var ranked = nb.Rank(words);
            if (ranked.Count == 0)
                return null;
            var top = ranked[0];
            return new HeadAnswer(label?.Invoke(top.Label) ?? top.Label, Pct(top.Probability), [.. nb.Explain(words, top.Label).Select(w => w.Word)]);
        }
        var departments = heads.Department.Rank(words).Take(3).Where(d => d.Probability >= 0.05)
            .Select(d => new HeadAnswer($"{d.Label} {names.GetValueOrDefault(d.Label)}".Trim(), Pct(d.Probability),
                [.. heads.Department.Explain(words, d.Label, 3).Select(w => w.Word)])).ToList();
        return new TriageAnswer(t.TicketNo, words, Head(heads.Enforcement), Head(heads.Field), departments, t.LabelEnforcement, t.LabelField,
            t.LabelDepartment, row!.TrainedAtUtc, row.Examples);
    }

    private static decimal Pct(double p) => Math.Round((decimal)p * 100, 1);

    /// <summary>纠正分类: the staff's labels become training data for the next training run.</summary>
    public async Task LabelAsync(string ticketNo, LabelRequest r, CancellationToken ct)
    {
        var t = await db.HotlineTickets().FirstOrDefaultAsync(x => x.TicketNo == ticketNo, ct)
            ?? throw new NotFoundException($"工单“{ticketNo}”不存在或不在您的数据权限范围内。");
        if (r.Enforcement is null)
            throw FazhiValidationException.For("enforcement", "请选择是否涉及行政执法");
        var fields = (await dictionaries.ChoicesAsync("hotline.field", ct)).Select(i => i.Label).ToList();
        string? field = null, department = null;
        if (r.Enforcement.Value)
        {
            field = r.Field?.Trim();
            if (string.IsNullOrEmpty(field) || !fields.Contains(field))
                throw FazhiValidationException.For("field", $"领域应为{string.Join("、", fields)}之一");
            if (!string.IsNullOrWhiteSpace(r.Department))
            {
                department = r.Department.Trim();
                var dept = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == department || o.Name == department, ct)
                    ?? throw FazhiValidationException.For("department", $"责任部门“{department}”不存在或不在您的数据权限范围内");
                department = dept.Code;
            }
        }
        (t.LabelEnforcement, t.LabelField, t.LabelDepartment, t.LabelledBy) = (r.Enforcement, field, department, db.Actor.UserName);
        await db.SaveChangesAsync(ct);
    }
}

public static class TriageEndpoints
{
    public static void MapTriage(this RouteGroupBuilder g)
    {
        g.MapGet("/tickets/{ticketNo}/triage", (string ticketNo, TriageService svc, CancellationToken ct) => svc.ClassifyAsync(ticketNo, ct))
            .WithSummary("工单智能研判：分词、是否涉及行政执法、执法领域、候选责任部门，以及起决定作用的词")
            .RequirePermission(HotlinePermissions.TicketView);
        g.MapPost("/tickets/{ticketNo}/label", async (string ticketNo, LabelRequest request, TriageService svc, CancellationToken ct) =>
            {
                await svc.LabelAsync(ticketNo, request, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("纠正研判分类（成为下次训练的样本）")
            .RequirePermission(HotlinePermissions.TicketLabel);
        g.MapPost("/triage:train", (TriageService svc, CancellationToken ct) => svc.TrainAllAsync(ct))
            .WithSummary("立即按已标注工单重新训练研判模型（每晚自动训练一次）；返回各区县样本数与留出集准确率")
            .RequirePermission(HotlinePermissions.TriageTrain);
    }
}
