using JiebaNet.Segmenter;

namespace Fazhi.Web.Modules.Hotline.Features.Triage;

/// <summary>
/// Chinese word segmentation with jieba.NET (精确模式), extended by the bureau's user dictionary of enforcement terms
/// (字典 <c>hotline.term</c>: 占道经营, 渣土车, 油烟扰民 … kept whole instead of being cut into characters). Words of one
/// character, numbers and the stop words below are dropped: they carry no topic.
/// </summary>
public sealed class Segmenter
{
    private static readonly Lock Gate = new();
    private static JiebaSegmenter? _jieba;
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);
    private volatile string[] _terms = [];
    private volatile HashSet<char> _firstChars = [];

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "市民", "来电", "反映", "希望", "相关", "部门", "处理", "问题", "我们", "他们", "这个", "那个", "一个", "没有", "现在", "已经", "还是", "非常",
        "严重", "要求", "情况", "进行", "出现", "经常", "一直", "附近", "位于", "请求", "尽快", "解决", "影响", "导致", "长期", "目前", "多次", "诉求",
        "表示", "称", "及时", "有关", "予以", "存在", "该处", "此处", "其中", "对此", "以及", "并且", "但是", "因为", "所以", "如果", "可以",
    };

    private static JiebaSegmenter Jieba
    {
        get
        {
            lock (Gate)
            {
                if (_jieba is null)
                {
                    ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
                    _jieba = new JiebaSegmenter();
                }
                return _jieba;
            }
        }
    }

    /// <summary>A segmenter that knows the default enforcement terms (<see cref="TriageVocabulary.DefaultTerms"/>) from the
    /// start: the bureau's own additions to the dictionary come through <see cref="UseTerms"/>.</summary>
    public Segmenter() => UseTerms(TriageVocabulary.DefaultTerms);

    /// <summary>Adds the user dictionary's terms not added before (jieba's dictionary is process-wide).</summary>
    public void UseTerms(IEnumerable<string> terms)
    {
        var jieba = Jieba;
        lock (Gate)
        {
            foreach (var t in terms.Select(t => t.Trim()).Where(t => t.Length >= 2))
                if (_added.Add(t))
                    jieba.AddWord(t, 3000);
            _firstChars = [.. _added.Select(t => t[0])];
            _terms = [.. _added.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal)];
        }
    }

    /// <summary>The words of a text that may carry its topic.</summary>
    public IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var (terms, first) = (_terms, _firstChars);
        var start = 0;
        // The user dictionary's terms are taken whole first (longest first), whatever jieba's own dictionary would make of
        // them (its statistics can still prefer 露天/烧烤 to a user word in some contexts); jieba cuts the text between them.
        for (var i = 0; i < text.Length && terms.Length > 0; i++)
        {
            if (!first.Contains(text[i]))
                continue;
            var term = Array.Find(terms, t => string.CompareOrdinal(text, i, t, 0, t.Length) == 0);
            if (term is null)
                continue;
            Cut(text[start..i], words);
            words.Add(term);
            i += term.Length - 1;
            start = i + 1;
        }
        Cut(text[start..], words);
        return words;
    }

    private static void Cut(string part, List<string> words)
    {
        if (part.Length == 0)
            return;
        foreach (var w in Jieba.Cut(part))
        {
            var t = w.Trim();
            if (t.Length < 2 || Stop.Contains(t) || !t.Any(c => c >= '\u4e00' && c <= '\u9fff'))
                continue;
            words.Add(t);
        }
    }
}
