namespace ClipHost.Engine.Training;

/// <summary>
/// The order samples are drawn in: a fresh seeded permutation per epoch, batches cut from the endless stream.
/// The whole order is a function of (seed, step), so a resumed run needs no saved cursor or RNG state to
/// draw exactly the batches an uninterrupted run would.
/// </summary>
public sealed class DataOrder(IReadOnlyList<int> ids, int batchSize, long seed)
{
    private int[]? _epochOrder;
    private long _epoch = -1;

    public int[] Batch(long step)
    {
        var batch = new int[batchSize];
        for (var i = 0; i < batchSize; i++)
        {
            var global = (step * batchSize) + i;
            var epoch = global / ids.Count;
            batch[i] = Epoch(epoch)[(int)(global % ids.Count)];
        }
        return batch;
    }

    public double EpochsAt(long step) => (double)step * batchSize / ids.Count;

    /// <summary>A fixed mix of two numbers into a Random seed (HashCode is randomised per process, so it cannot be used).</summary>
    public static int SeedFor(long seed, long index) => unchecked((int)((((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)index * 0xBF58476D1CE4E5B9UL)) >> 33));

    private int[] Epoch(long epoch)
    {
        if (epoch != _epoch)
        {
            _epochOrder = [.. ids];
            new Random(SeedFor(seed, epoch)).Shuffle(_epochOrder);
            _epoch = epoch;
        }
        return _epochOrder!;
    }
}
