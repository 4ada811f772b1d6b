namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Few-shot training sets: k examples of every class, drawn by seed. One seeded shuffle of the whole pool decides the
/// order within each class, and a k-shot draw takes each class's first k, so draws are repeatable and nested: the
/// 5-shot draw of a seed contains its 1-shot draw, and the 10-shot draw its 5-shot draw.
/// </summary>
public static class FewShotDraw
{
    /// <summary>Positions into <paramref name="labels"/> of k examples per class present, in ascending order.</summary>
    public static int[] Draw(long[] labels, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var order = Enumerable.Range(0, labels.Length).ToArray();
        new Random(seed).Shuffle(order);
        var picked = order.GroupBy(i => labels[i]).SelectMany(g =>
            g.Count() >= k ? g.Take(k) : throw new InvalidOperationException($"class {g.Key} has {g.Count()} examples, fewer than k = {k}"));
        return [.. picked.Order()];
    }

    /// <summary>The smallest number of examples of any class present in <paramref name="labels"/>.</summary>
    public static int SmallestClass(IEnumerable<long> labels) => labels.GroupBy(l => l).Select(g => g.Count()).DefaultIfEmpty(0).Min();
}
