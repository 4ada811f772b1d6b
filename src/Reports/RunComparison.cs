using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClipHost.Reports;

/// <summary>
/// Runs side by side: a Markdown table of headline metrics per run, the same per group of runs that differ only
/// by seed (name ending -sN) as mean ± standard deviation with min-max, and the loss curves as a PNG (ScottPlot).
/// </summary>
public static partial class RunComparison
{
    public static string Table(IReadOnlyList<RunSummary> runs)
    {
        var columns = runs.SelectMany(r => r.Headline().Select(h => h.Column)).Distinct().ToList();
        var sb = new StringBuilder();
        // Filtered runs say how much data they kept: at equal samples seen, fewer pairs means more epochs over them.
        var filtered = runs.Any(r => r.Subset is not null);
        var dataHeader = filtered ? " train pairs | samples seen |" : string.Empty;
        sb.AppendLine(CultureInfo.InvariantCulture, $"| run |{dataHeader} final loss | pairs/s | {string.Join(" | ", columns)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"|---|{(filtered ? "---|---|" : string.Empty)}---|---|{string.Concat(columns.Select(_ => "---|"))}");
        foreach (var run in runs)
        {
            var values = run.Headline().ToDictionary(h => h.Column, h => h.Value);
            var loss = run.Loss.Count > 0 ? run.Loss[^1].Loss.ToString("F3", CultureInfo.InvariantCulture) : "-";
            var rate = run.Compute?.PairsPerSecond.ToString("F0", CultureInfo.InvariantCulture) ?? "-";
            var dataCells = filtered ? $" {run.Subset?.Ids.Count.ToString("N0", CultureInfo.InvariantCulture) ?? "all"} | {run.Compute?.SamplesSeen.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} |" : string.Empty;
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {run.Name} |{dataCells} {loss} | {rate} | {string.Join(" | ", columns.Select(c => values.TryGetValue(c, out var v) ? Percent(v) : "-"))} |");
        }
        var groups = runs.GroupBy(r => SeedSuffix().Replace(r.Name, string.Empty)).Where(g => g.Count() > 1).ToList();
        if (groups.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"| group (seeds) | pairs/s | {string.Join(" | ", columns)} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"|---|---|{string.Concat(columns.Select(_ => "---|"))}");
            foreach (var group in groups)
            {
                var cells = columns.Select(c =>
                {
                    var values = group.SelectMany(r => r.Headline().Where(h => h.Column == c).Select(h => h.Value)).ToList();
                    return values.Count == 0 ? "-" : $"{Percent(values.Average())} ± {Percent(StdDev(values))} ({Percent(values.Min())}-{Percent(values.Max())})";
                });
                var rate = group.Select(r => r.Compute?.PairsPerSecond ?? 0).Average();
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} ({group.Count()}) | {rate:F0} | {string.Join(" | ", cells)} |");
            }
        }
        return sb.ToString();
    }

    public static void LossPlot(IReadOnlyList<RunSummary> runs, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var run in runs.Where(r => r.Loss.Count > 0))
        {
            var line = plot.Add.ScatterLine(run.Loss.Select(l => (double)l.Samples).ToArray(), run.Loss.Select(l => l.Loss).ToArray());
            line.LegendText = run.Name;
        }
        plot.XLabel("pairs seen");
        plot.YLabel("training loss");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, 900, 500);
    }

    private static string Percent(double v) => (v * 100).ToString("F1", CultureInfo.InvariantCulture);

    private static double StdDev(List<double> values)
    {
        var mean = values.Average();
        return values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    [GeneratedRegex("-s[0-9]+$")]
    private static partial Regex SeedSuffix();
}
