using System.Text.Json;

namespace Fazhi.Web.Modules.Hotline.Features.Triage;

/// <summary>
/// Multinomial naive Bayes over words (Manning, Raghavan, Schütze, Introduction to Information Retrieval, ch. 13.2:
/// P(c|d) ∝ P(c)·Π P(w|c), with add-one smoothing P(w|c) = (n(w,c)+1)/(n(c)+|V|)), checked by hand on the book's
/// China/Japan example in the unit tests. As the book's APPLYMULTINOMIALNB (fig. 13.2) does, a document's words outside
/// the training vocabulary are dropped: under add-one smoothing each unseen word would otherwise vote for the class with
/// the fewest words (a place name or a shop's name decided "不涉及执法"). Explainable: <see cref="Explain"/> names the words whose evidence for the chosen
/// class over the others weighed most.
/// </summary>
public sealed class NaiveBayes
{
    public Dictionary<string, ClassCounts> Classes { get; set; } = new(StringComparer.Ordinal);

    public int Vocabulary { get; set; }

    public int Documents { get; set; }

    public sealed class ClassCounts
    {
        public int Docs { get; set; }

        public long Words { get; set; }

        public Dictionary<string, int> Counts { get; set; } = new(StringComparer.Ordinal);
    }

    public static NaiveBayes Train(IEnumerable<(IReadOnlyList<string> Words, string Label)> examples)
    {
        var m = new NaiveBayes();
        var vocab = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (words, label) in examples)
        {
            if (!m.Classes.TryGetValue(label, out var c))
                m.Classes[label] = c = new ClassCounts();
            c.Docs++;
            m.Documents++;
            foreach (var w in words)
            {
                c.Counts[w] = c.Counts.GetValueOrDefault(w) + 1;
                c.Words++;
                vocab.Add(w);
            }
        }
        m.Vocabulary = vocab.Count;
        return m;
    }

    /// <summary>The words of the document seen in training (in any class), as EXTRACTTOKENSFROMDOC(V, d).</summary>
    private List<string> Known(IReadOnlyList<string> words) => [.. words.Where(w => Classes.Values.Any(c => c.Counts.ContainsKey(w)))];

    private double LogLikelihood(ClassCounts c, string w) => Math.Log((c.Counts.GetValueOrDefault(w) + 1.0) / (c.Words + Vocabulary));

    /// <summary>Every class with its posterior probability, most likely first.</summary>
    public IReadOnlyList<(string Label, double Probability)> Rank(IReadOnlyList<string> words)
    {
        if (Documents == 0)
            return [];
        var known = Known(words);
        var scores = Classes.Select(kv => (kv.Key, Score: Math.Log((double)kv.Value.Docs / Documents) + known.Sum(w => LogLikelihood(kv.Value, w)))).ToList();
        var max = scores.Max(s => s.Score);
        var z = scores.Sum(s => Math.Exp(s.Score - max));
        return [.. scores.Select(s => (s.Key, Math.Exp(s.Score - max) / z)).OrderByDescending(s => s.Item2).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>The words that decided for <paramref name="label"/>: log P(w|label) − log of the mean P(w|other), largest first.</summary>
    public IReadOnlyList<(string Word, double Weight)> Explain(IReadOnlyList<string> words, string label, int top = 5)
    {
        if (!Classes.TryGetValue(label, out var chosen) || Classes.Count < 2)
            return [];
        var others = Classes.Where(kv => kv.Key != label).Select(kv => kv.Value).ToList();
        return [.. Known(words).Distinct(StringComparer.Ordinal)
            .Select(w => (w, LogLikelihood(chosen, w) - Math.Log(others.Average(o => Math.Exp(LogLikelihood(o, w))))))
            .Where(x => x.Item2 > 0).OrderByDescending(x => x.Item2).ThenBy(x => x.w, StringComparer.Ordinal).Take(top)];
    }
}

/// <summary>The three heads the bureau asks for: 涉及行政执法? which 领域? which 责任部门?</summary>
public sealed class TriageHeads
{
    public NaiveBayes Enforcement { get; set; } = new();

    public NaiveBayes Field { get; set; } = new();

    public NaiveBayes Department { get; set; } = new();

    public string ToJson() => JsonSerializer.Serialize(this);

    public static TriageHeads FromJson(string json) => JsonSerializer.Deserialize<TriageHeads>(json) ?? new();
}

/// <summary>A labelled example: its words and the staff's labels.</summary>
public sealed record LabelledExample(IReadOnlyList<string> Words, bool Enforcement, string? Field, string? Department);

public static class TriageTraining
{
    public const string Yes = "是", No = "否";

    private static string? Top(NaiveBayes nb, IReadOnlyList<string> words) => nb.Rank(words) is { Count: > 0 } r ? r[0].Label : null;

    public static TriageHeads Train(IReadOnlyList<LabelledExample> examples) => new()
    {
        Enforcement = NaiveBayes.Train(examples.Select(e => (e.Words, e.Enforcement ? Yes : No))),
        Field = NaiveBayes.Train(examples.Where(e => e.Enforcement && e.Field is not null).Select(e => (e.Words, e.Field!))),
        Department = NaiveBayes.Train(examples.Where(e => e.Enforcement && e.Department is not null).Select(e => (e.Words, e.Department!))),
    };

    /// <summary>Trains on four fifths (every fifth example held out, in order) and answers the held-out accuracy of the
    /// enforcement head and of the field head (on held-out enforcement examples), in [0, 1].</summary>
    public static (double Enforcement, double Field, int HeldOut) Evaluate(IReadOnlyList<LabelledExample> examples)
    {
        var train = examples.Where((_, i) => i % 5 != 4).ToList();
        var test = examples.Where((_, i) => i % 5 == 4).ToList();
        if (test.Count == 0)
            return (0, 0, 0);
        var heads = Train(train);
        var enf = test.Count(e => Top(heads.Enforcement, e.Words) == (e.Enforcement ? Yes : No)) / (double)test.Count;
        var fieldTests = test.Where(e => e.Enforcement && e.Field is not null).ToList();
        var field = fieldTests.Count == 0 ? 0 : fieldTests.Count(e => Top(heads.Field, e.Words) == e.Field) / (double)fieldTests.Count;
        return (enf, field, test.Count);
    }
}
