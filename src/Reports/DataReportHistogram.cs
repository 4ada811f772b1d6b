namespace ClipHost.Reports;

/// <summary>
/// Kept and dropped counts over shared bins: whole-number bins (width 1 where the range allows) for word counts and
/// other integer scores, equal-width bins over the observed range otherwise.
/// </summary>
/// <param name="Edges">Bin edges, one more than there are bins.</param>
/// <param name="Kept">Kept values per bin.</param>
/// <param name="Dropped">Dropped values per bin.</param>
/// <param name="Integral">Whether every value was a whole number (bins are centred on integers).</param>
public sealed record DataReportHistogram(double[] Edges, int[] Kept, int[] Dropped, bool Integral)
{
    public int Bins => Kept.Length;

    public static DataReportHistogram Of(IReadOnlyList<(double Value, bool Kept)> values, int maxBins = 40)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        if (values.Count == 0)
        {
            return new DataReportHistogram([0, 1], [0], [0], Integral: false);
        }
        var (min, max) = (values.Min(v => v.Value), values.Max(v => v.Value));
        double start, width;
        int bins;
        var integral = values.All(v => v.Value == Math.Floor(v.Value));
        if (integral)
        {
            // Whole numbers: bins centred on integers, several integers per bin only when the range is wide.
            var span = (int)(max - min) + 1;
            var step = (int)Math.Ceiling(span / (double)maxBins);
            (start, width, bins) = (min - 0.5, step, (int)Math.Ceiling(span / (double)step));
        }
        else if (max > min)
        {
            (start, width, bins) = (min, (max - min) / maxBins, maxBins);
        }
        else
        {
            (start, width, bins) = (min - 0.5, 1, 1);
        }
        var edges = Enumerable.Range(0, bins + 1).Select(i => start + (i * width)).ToArray();
        var (kept, dropped) = (new int[bins], new int[bins]);
        foreach (var (value, isKept) in values)
        {
            var bin = Math.Clamp((int)Math.Floor((value - start) / width), 0, bins - 1);
            (isKept ? kept : dropped)[bin]++;
        }
        return new DataReportHistogram(edges, kept, dropped, integral);
    }
}
