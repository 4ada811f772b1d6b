using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// Drops near-duplicate images by <see cref="PerceptualHash"/>, greedily in ascending id order: a candidate within
/// maxDistance of a pair already kept is dropped as a duplicate of the nearest such pair (the lowest id among equals),
/// otherwise it is kept. Greedy rather than union-find so that a chain of small steps (A~B, B~C) cannot drop C when
/// it is far from A: every dropped pair has a kept pair within maxDistance, and kept pairs are pairwise farther apart.
/// A dropped pair scores its distance to that kept pair; a kept pair scores maxDistance + 1 (nothing kept is closer).
/// </summary>
public sealed class PhashDedupFilter(PhashDedupOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        var hashes = PerceptualHash.Compute(dataset, candidates, cancellationToken);
        var index = new HammingIndex(options.MaxDistance);
        var kept = new List<int>();
        var scores = new Dictionary<int, float>(candidates.Count);
        var reasons = new Dictionary<int, string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var id = candidates[i];
            if (index.Nearest(hashes[i]) is var (original, distance))
            {
                scores[id] = distance;
                reasons[id] = $"near-duplicate of #{original} (distance {distance})";
            }
            else
            {
                index.Add(hashes[i], id);
                scores[id] = options.MaxDistance + 1;
                kept.Add(id);
            }
        }
        context.Logger.LogPhashDedup(dataset.Name, kept.Count, candidates.Count, options.MaxDistance);
        return new FilterResult(kept, scores, reasons);
    }
}
