using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Scores each candidate by its primary caption's word count and keeps those within the bounds.</summary>
public sealed class CaptionLengthFilter(CaptionLengthOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        var kept = new List<int>();
        var scores = new Dictionary<int, float>();
        var reasons = new Dictionary<int, string>();
        foreach (var id in candidates)
        {
            var caption = dataset.GetSample(id).Captions[0];
            var words = caption.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            scores[id] = words;
            var reason = words < options.MinWords ? $"{words} words < {options.MinWords}"
                : words > options.MaxWords ? $"{words} words > {options.MaxWords}"
                : caption.Length < options.MinChars ? $"{caption.Length} characters < {options.MinChars}"
                : caption.Length > options.MaxChars ? $"{caption.Length} characters > {options.MaxChars}"
                : null;
            if (reason is null)
            {
                kept.Add(id);
            }
            else
            {
                reasons[id] = reason;
            }
        }
        return new FilterResult(kept, scores, reasons);
    }
}
