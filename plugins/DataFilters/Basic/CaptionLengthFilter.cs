using System.Globalization;
using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// Scores each candidate by its primary caption's word count (whitespace-separated) and keeps those within the word
/// and character bounds.
/// </summary>
public sealed class CaptionLengthFilter(CaptionLengthOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidates);
        var kept = new List<int>();
        var scores = new Dictionary<int, float>();
        var reasons = new Dictionary<int, string>();
        foreach (var id in candidates)
        {
            var caption = dataset.GetSample(id).Captions[0];
            var words = caption.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            scores[id] = words;
            // Characters as a reader counts them: an emoji, a flag or an accented letter in decomposed form is one,
            // where string.Length would count its UTF-16 code units.
            var chars = new StringInfo(caption).LengthInTextElements;
            var reason = words < options.MinWords ? $"{words} words < {options.MinWords}"
                : words > options.MaxWords ? $"{words} words > {options.MaxWords}"
                : chars < options.MinChars ? $"{chars} characters < {options.MinChars}"
                : chars > options.MaxChars ? $"{chars} characters > {options.MaxChars}"
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
