using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Keeps pairs whose primary caption looks English (<see cref="EnglishHeuristic"/>); scores the English share.</summary>
public sealed class EnglishFilter(EnglishOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        var lexicon = EnglishLexicon.Load(options.Dictionary!);
        var kept = new List<int>();
        var scores = new Dictionary<int, float>(candidates.Count);
        var reasons = new Dictionary<int, string>();
        foreach (var id in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var caption = dataset.GetSample(id).Captions[0];
            var judged = EnglishHeuristic.Judge(caption, lexicon);
            scores[id] = (float)judged.EnglishShare;
            var reason = Reason(judged);
            if (reason is null)
            {
                kept.Add(id);
            }
            else
            {
                reasons[id] = $"{reason} ({DropReasonText.Quote(caption)})";
            }
        }
        context.Logger.LogEnglish(dataset.Name, kept.Count, candidates.Count, lexicon.WordCount, lexicon.NameCount, options.Dictionary!);
        return new FilterResult(kept, scores, reasons);
    }

    private string? Reason(EnglishJudgement judged) =>
        judged.Words < options.MinWords ? $"{judged.Words} words < {options.MinWords}"
        : judged.LatinShare < options.MinLatinShare ? $"latin letters {DropReasonText.Share(judged.LatinShare)} < {DropReasonText.Number(options.MinLatinShare)}"
        : judged.EnglishShare < options.MinEnglishShare ? $"english share {DropReasonText.Share(judged.EnglishShare)} < {DropReasonText.Number(options.MinEnglishShare)}"
        : null;
}
