using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Passes through to a real scorer and counts the ids it was asked for, so tests can see what the cache spared.</summary>
public sealed class CountingScorer(IPairScorer inner) : IPairScorer
{
    public string ModelHash => inner.ModelHash;

    public int Scored { get; private set; }

    public float[] Score(IDatasetView dataset, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        Scored += ids.Count;
        return inner.Score(dataset, ids, cancellationToken);
    }
}
