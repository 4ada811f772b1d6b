using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Shuffles the candidates with the context's seed and keeps the first k, returned in ascending order.</summary>
public sealed class RandomSubsetFilter(RandomSubsetOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        var keep = options.Count is { } count ? Math.Min(count, candidates.Count) : (int)Math.Round(candidates.Count * options.Fraction!.Value);
        var shuffled = candidates.ToArray();
        new Random(unchecked((int)context.Seed)).Shuffle(shuffled);
        var kept = shuffled.Take(keep).Order().ToList();
        var keptSet = kept.ToHashSet();
        return new FilterResult(kept, DropReasons: candidates.Where(c => !keptSet.Contains(c)).ToDictionary(c => c, _ => "not drawn"));
    }
}
