using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// DataComp's text-based filtering (keep captions that name an ImageNet-21k synset) with any vocabulary: keeps pairs
/// whose primary caption mentions any term (or, with matchAll, every term); scores the number of terms mentioned.
/// </summary>
public sealed class VocabularyFilter(VocabularyOptions options) : IDataFilter
{
    private const int MissingShown = 3;

    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        var matcher = new TermMatcher(options.AllTerms());
        var kept = new List<int>();
        var scores = new Dictionary<int, float>(candidates.Count);
        var reasons = new Dictionary<int, string>();
        foreach (var id in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var matched = matcher.Matches(dataset.GetSample(id).Captions[0]);
            scores[id] = matched.Count;
            if (matched.Count == 0)
            {
                reasons[id] = $"mentions none of {matcher.Count} terms";
            }
            else if (options.MatchAll && matched.Count < matcher.Count)
            {
                var missing = Enumerable.Range(0, matcher.Count).Except(matched).ToList();
                var shown = string.Join(", ", missing.Take(MissingShown).Select(t => $"'{matcher.Term(t)}'"));
                reasons[id] = $"mentions {matched.Count} of {matcher.Count} terms; missing {shown}{(missing.Count > MissingShown ? ", …" : "")}";
            }
            else
            {
                kept.Add(id);
            }
        }
        context.Logger.LogVocabulary(dataset.Name, kept.Count, candidates.Count, matcher.Count, options.MatchAll);
        return new FilterResult(kept, scores, reasons);
    }
}
