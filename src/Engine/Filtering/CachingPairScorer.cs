using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// A teacher behind the score cache: only ids without a cached score reach the teacher, so filtering the same dataset
/// again at another cut scores nothing.
/// </summary>
public sealed class CachingPairScorer(IPairScorer teacher, ScoreCache cache) : IPairScorer
{
    public string ModelHash => teacher.ModelHash;

    public IReadOnlySet<int>? TrainedOn(IDatasetView dataset) => teacher.TrainedOn(dataset);

    /// <summary>Ids answered from the cache by the last call.</summary>
    public int LastHits { get; private set; }

    /// <summary>Ids the teacher scored in the last call.</summary>
    public int LastMisses { get; private set; }

    public float[] Score(IDatasetView dataset, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ids);
        var cached = cache.Load(dataset.ContentHash, teacher.ModelHash);
        var missing = ids.Where(id => !cached.ContainsKey(id)).Distinct().ToArray();
        var fresh = new Dictionary<int, float>(missing.Length);
        if (missing.Length > 0)
        {
            var scored = teacher.Score(dataset, missing, cancellationToken);
            for (var i = 0; i < missing.Length; i++)
            {
                fresh[missing[i]] = scored[i];
            }
            cache.Add(dataset.ContentHash, teacher.ModelHash, fresh);
        }
        LastMisses = missing.Length;
        LastHits = ids.Count - ids.Count(fresh.ContainsKey);
        return [.. ids.Select(id => fresh.TryGetValue(id, out var s) ? s : cached[id])];
    }
}
