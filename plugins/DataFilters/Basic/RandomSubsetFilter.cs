using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// Shuffles the candidates with the context's seed and keeps the first k, returned in ascending order. With the same
/// seed and candidates a smaller k keeps a subset of a larger one, so dataset-size grids are nested; with
/// <c>complement</c> it keeps the rest of that draw instead.
/// </summary>
public sealed class RandomSubsetFilter(RandomSubsetOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        var keep = options.Count is { } count ? Math.Min(count, candidates.Count) : Take(options.Fraction!.Value, candidates.Count);
        var shuffled = candidates.ToArray();
        new Random(Seed(context.Seed)).Shuffle(shuffled);
        var drawn = options.Complement ? shuffled.Skip(keep) : shuffled.Take(keep);
        var kept = drawn.Order().ToList();
        var keptSet = kept.ToHashSet();
        return new FilterResult(kept, DropReasons: candidates.Where(c => !keptSet.Contains(c)).ToDictionary(c => c, _ => "not drawn"));
    }

    /// <summary>
    /// ceil(fraction of n), as clip-score's topPercent counts, so a random baseline at the same fraction keeps exactly as
    /// many pairs as the filtered subset it is compared with, and any positive fraction of a non-empty set keeps one.
    /// (Math.Round's banker's rounding kept 0 pairs of 1 at 0.5, and 2 of 5 at 0.5.)
    /// </summary>
    private static int Take(double fraction, int candidates) =>
        // The epsilon keeps a product that floating point lands just above an integer from taking one more.
        candidates == 0 ? 0 : Math.Clamp((int)Math.Ceiling(candidates * fraction - 1e-9), 1, candidates);

    // Seeds in int range give the subsets they always gave; larger ones fold their high half in instead of being cut
    // off, so seeds 1 and 2^32 + 1 no longer draw the same subset.
    private static int Seed(long seed) => seed is >= int.MinValue and <= int.MaxValue ? (int)seed : unchecked((int)(seed ^ (seed >>> 32)));
}
