using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace ClipHost.Reports;

/// <summary>
/// The difference of a metric between two seed groups (second minus first), paired by seed so that what a seed
/// shares (initialisation, data order) cancels: the mean paired difference with its 95% confidence interval from
/// Student's t with n - 1 degrees of freedom. Seeds only one group has are left out and listed.
/// </summary>
/// <param name="Lower">The interval's lower end; NaN with fewer than two pairs (no spread to estimate).</param>
public sealed record PairedDifference(double Mean, double Lower, double Upper, int N, IReadOnlyList<long> Unpaired)
{
    public const double Confidence = 0.95;

    public static PairedDifference? Of(IReadOnlyDictionary<long, double> first, IReadOnlyDictionary<long, double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var paired = first.Keys.Where(second.ContainsKey).Order().ToList();
        var unpaired = first.Keys.Concat(second.Keys).Except(paired).Order().ToList();
        if (paired.Count == 0)
        {
            return null;
        }
        var differences = paired.Select(s => second[s] - first[s]).ToList();
        var mean = differences.Mean();
        if (paired.Count < 2)
        {
            return new PairedDifference(mean, double.NaN, double.NaN, 1, unpaired);
        }
        var t = StudentT.InvCDF(0, 1, paired.Count - 1, 1 - ((1 - Confidence) / 2));
        var half = t * differences.StandardDeviation() / Math.Sqrt(paired.Count);
        return new PairedDifference(mean, mean - half, mean + half, paired.Count, unpaired);
    }

    /// <summary>"+10.0 [2.1, 17.9] (n=3)" in percentage points; the unpaired seeds are named after it.</summary>
    public string ToPercent()
    {
        var interval = double.IsNaN(Lower) ? "[no interval from one pair]" : string.Create(CultureInfo.InvariantCulture, $"[{Lower * 100:+0.0;-0.0;0.0}, {Upper * 100:+0.0;-0.0;0.0}]");
        var left = Unpaired.Count == 0 ? string.Empty : $"; seeds {string.Join(", ", Unpaired)} unpaired, left out";
        return string.Create(CultureInfo.InvariantCulture, $"{Mean * 100:+0.0;-0.0;0.0} {interval} (n={N}{left})");
    }
}
