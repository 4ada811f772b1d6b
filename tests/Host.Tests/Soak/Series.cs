namespace ClipHost.Host.Tests.Soak;

/// <summary>
/// A resource over a soak: first, median, last, max, and the least-squares slope over the second half (after
/// warm-up), where a leak shows as a steady climb; quarters to compare the start of the work with its end.
/// </summary>
public sealed record Series(double First, double Median, double Last, double Max, double SecondHalfSlopePerMinute, double FirstQuarterMax, double LastQuarterMax)
{
    public static Series Of(IReadOnlyList<ProcessSample> samples, Func<ProcessSample, double> value)
    {
        if (samples.Count < 4)
        {
            throw new InvalidOperationException($"{samples.Count} samples are too few to judge a trend");
        }
        var values = samples.Select(value).ToList();
        var sorted = values.Order().ToList();
        var quarter = samples.Count / 4;
        var half = samples.Skip(samples.Count / 2).ToList();
        return new Series(
            values[0],
            sorted[sorted.Count / 2],
            values[^1],
            sorted[^1],
            Slope(half.Select(s => s.At.TotalMinutes).ToList(), half.Select(value).ToList()),
            values.Take(quarter).Max(),
            values.Skip(samples.Count - quarter).Max());
    }

    /// <summary>The ordinary least-squares slope of y on x.</summary>
    private static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        return sxx == 0 ? 0 : x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / sxx;
    }
}
