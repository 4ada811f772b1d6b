using System.Globalization;

namespace ClipHost.Reports;

/// <summary>Metrics as the CLI prints them (eval's printer): a fraction in percent, and how many times chance it is.</summary>
public static class MetricText
{
    public static string Percent(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>"45.0% = 3.6x chance (12.5%)"; the percent alone when the metric has no chance level.</summary>
    public static string WithChance(double fraction, double chance) => chance > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Percent(fraction)}% = {fraction / chance:F1}x chance ({Percent(chance)}%)")
        : $"{Percent(fraction)}%";
}
