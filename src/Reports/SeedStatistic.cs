using System.Globalization;
using MathNet.Numerics.Statistics;

namespace ClipHost.Reports;

/// <summary>One metric over the seeds of a group: the mean, the sample standard deviation (n - 1) and how many seeds.</summary>
public sealed record SeedStatistic(double Mean, double Std, int N)
{
    public static SeedStatistic? Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        // One seed has no spread: its std is shown as 0 with n = 1 beside it, never as a measured 0.
        return list.Count == 0 ? null : new SeedStatistic(list.Mean(), list.Count < 2 ? 0 : list.StandardDeviation(), list.Count);
    }

    /// <summary>As every table shows it: "20.0 ± 10.0 (3)", in percent.</summary>
    public string ToPercent() => string.Create(CultureInfo.InvariantCulture, $"{Mean * 100:F1} ± {Std * 100:F1} ({N})");
}
