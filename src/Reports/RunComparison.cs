using System.Globalization;
using System.Text;
using ClipHost.Engine.Filtering;

namespace ClipHost.Reports;

/// <summary>
/// Runs side by side: a Markdown table of headline metrics per run; per seed group (runs that differ only in seed,
/// <see cref="SeedGroup"/>) mean ± sample std (n); each group against the first as a paired difference with its 95%
/// interval; and the loss curves as a PNG (ScottPlot).
/// </summary>
public static class RunComparison
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Table(IReadOnlyList<RunSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var columns = Columns(runs);
        var sb = new StringBuilder();
        // Filtered runs say how much data they kept: at equal samples seen, fewer pairs means more epochs over them.
        var filtered = runs.Any(r => r.Subset is not null);
        // On a store with planted mismatches, how many of them each run's filters removed (data plant-noise).
        var planted = runs.Any(r => r.Subset is { } s && PlantedCount.Across(s.Lineage) is not null);
        var dataHeader = (filtered ? " train pairs | samples seen |" : string.Empty) + (planted ? " planted mismatches |" : string.Empty);
        sb.AppendLine(Inv, $"| run |{dataHeader} final loss | pairs/s | {string.Join(" | ", columns)} |");
        sb.AppendLine(Inv, $"|---|{(filtered ? "---|---|" : string.Empty)}{(planted ? "---|" : string.Empty)}---|---|{string.Concat(columns.Select(_ => "---|"))}");
        foreach (var run in runs)
        {
            var values = run.Headline().ToDictionary(h => h.Column, h => h.Value);
            var loss = run.Loss.Count > 0 ? run.Loss[^1].Loss.ToString("F3", Inv) : "-";
            var rate = run.Compute?.PairsPerSecond.ToString("F0", Inv) ?? "-";
            var dataCells = filtered ? $" {run.Subset?.Ids.Count.ToString("N0", Inv) ?? "all"} | {run.Compute?.SamplesSeen.ToString("N0", Inv) ?? "-"} |" : string.Empty;
            if (planted)
            {
                dataCells += $" {(run.Subset is { } s && PlantedCount.Across(s.Lineage) is { } p ? p.ToString() : "-")} |";
            }
            sb.AppendLine(Inv, $"| {run.Name} |{dataCells} {loss} | {rate} | {string.Join(" | ", columns.Select(c => values.TryGetValue(c, out var v) ? MetricText.Percent(v) : "-"))} |");
        }
        var groups = SeedGroup.Of(runs);
        sb.AppendLine();
        sb.AppendLine(Inv, $"| group | runs | seeds | pairs/s | {string.Join(" | ", columns.Select(c => $"{c} mean ± std (n)"))} |");
        sb.AppendLine(Inv, $"|---|---|---|---|{string.Concat(columns.Select(_ => "---|"))}");
        foreach (var group in groups)
        {
            var rate = group.Runs.Select(r => r.Compute?.PairsPerSecond ?? 0).Average();
            var cells = columns.Select(c => group.Statistic(c)?.ToPercent() ?? "-");
            sb.AppendLine(Inv, $"| {group.Label} | {group.Runs.Count} | {string.Join(", ", group.Seeds)} | {rate:F0} | {string.Join(" | ", cells)} |");
        }
        Differences(sb, groups, columns);
        return sb.ToString();
    }

    /// <summary>Every headline column any run has, in first-seen order.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<RunSummary> runs) => [.. runs.SelectMany(r => r.Headline().Select(h => h.Column)).Distinct()];

    public static void LossPlot(IReadOnlyList<RunSummary> runs, string path)
    {
        ArgumentNullException.ThrowIfNull(runs);
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

    /// <summary>Each later group against the first, paired by seed, in percentage points.</summary>
    private static void Differences(StringBuilder sb, IReadOnlyList<SeedGroup> groups, IReadOnlyList<string> columns)
    {
        var rows = groups.Skip(1).SelectMany(g => columns.Select(c => (Group: g, Column: c, Difference: PairedDifference.Of(groups[0].BySeed(c), g.BySeed(c)))))
            .Where(r => r.Difference is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        sb.AppendLine();
        sb.AppendLine(Inv, $"| difference (paired by seed) | metric | mean [{PairedDifference.Confidence:P0} CI] (pairs) |");
        sb.AppendLine("|---|---|---|");
        foreach (var (group, column, difference) in rows)
        {
            sb.AppendLine(Inv, $"| {group.Label} − {groups[0].Label} | {column} | {difference!.ToPercent()} |");
        }
    }
}
