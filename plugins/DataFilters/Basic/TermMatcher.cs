namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// Finds which terms (words or phrases) a caption mentions, whole words and case-insensitively (<see cref="CaptionWords"/>).
/// Terms are indexed by their first word, so a vocabulary the size of ImageNet-21k's synset names costs one lookup per
/// caption word rather than one scan per term.
/// </summary>
public sealed class TermMatcher
{
    private readonly List<string[]> _terms = [];
    private readonly List<string> _spellings = [];
    private readonly Dictionary<string, List<int>> _byFirstWord = new(StringComparer.Ordinal);

    /// <summary>Indexes the terms; terms with no words are ignored and terms with the same words count once.</summary>
    /// <param name="terms">Words or phrases.</param>
    public TermMatcher(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var words = CaptionWords.Split(term);
            if (words.Count == 0 || !seen.Add(string.Join(' ', words)))
            {
                continue;
            }
            if (!_byFirstWord.TryGetValue(words[0], out var list))
            {
                _byFirstWord[words[0]] = list = [];
            }
            list.Add(_terms.Count);
            _terms.Add([.. words]);
            _spellings.Add(term.Trim());
        }
    }

    /// <summary>Number of distinct terms.</summary>
    public int Count => _terms.Count;

    /// <summary>A term as it was given.</summary>
    /// <param name="index">The term's index.</param>
    /// <returns>Its spelling.</returns>
    public string Term(int index) => _spellings[index];

    /// <summary>The terms the text mentions.</summary>
    /// <param name="text">A caption.</param>
    /// <returns>Indices of the matched terms, ascending.</returns>
    public IReadOnlyList<int> Matches(string text)
    {
        var words = CaptionWords.Split(text);
        var found = new SortedSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i], out var starting))
            {
                continue;
            }
            foreach (var t in starting)
            {
                if (StartsAt(words, i, _terms[t]))
                {
                    found.Add(t);
                }
            }
        }
        return [.. found];
    }

    // The first word already matched through the index.
    private static bool StartsAt(IReadOnlyList<string> words, int at, string[] term)
    {
        if (at + term.Length > words.Count)
        {
            return false;
        }
        for (var k = 1; k < term.Length; k++)
        {
            if (!string.Equals(words[at + k], term[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
