using System.Globalization;
using System.Text;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// Every run in one table: a text filter, sorting by any header, and a toggle that shows one row per seed group
/// (mean ± std (n)) instead of one per run. Metrics in percent with chance, as the CLI prints them; each run links to its page.
/// </summary>
public static class RunsTablePage
{
    public const string Key = "runs";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ResultsPage Render(IReadOnlyList<(RunSummary Run, RunInfo Info)> runs, ResultsLinks links, IReadOnlyList<string>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(links);
        var columns = RunComparison.Columns(runs.Select(r => r.Run));
        var html = new StringBuilder();
        html.Line($"<div class=\"results\"><h1>Runs <small>{runs.Count}</small></h1>");
        html.Line("<div class=\"controls\"><input type=\"search\" id=\"filter\" placeholder=\"filter runs\" aria-label=\"filter runs\">"
            + "<label><input type=\"checkbox\" id=\"group-by-seed\"> group by seed</label></div>");
        html.Line("<table id=\"runs\" class=\"table\"><thead><tr><th data-sort>run</th><th data-sort>status</th><th data-sort>source</th><th data-sort>seed</th>"
            + $"<th data-sort class=\"n\">samples seen</th><th data-sort class=\"n\">final loss</th><th data-sort class=\"n\">pairs/s</th>{string.Concat(columns.Select(c => $"<th data-sort class=\"n\">{Escape(c)}</th>"))}</tr></thead><tbody>");
        foreach (var (run, info) in runs)
        {
            var values = run.Headline().ToDictionary(h => h.Column, h => (h.Value, h.Chance));
            var metrics = columns.Select(c => values.TryGetValue(c, out var m)
                ? $"<td class=\"n\" data-v=\"{m.Value.ToString("R", Inv)}\">{Escape(MetricText.WithChance(m.Value, m.Chance))}</td>" : "<td class=\"n\" data-v=\"-1\">-</td>");
            html.Line($"<tr class=\"run\" data-run=\"{Escape(run.Name)}\"><td><a href=\"{Escape(links.Run(run.Name))}\">{Escape(run.Name)}</a></td><td>{Escape(info.Status ?? "-")}</td><td>{Escape(info.Source ?? "-")}</td>"
                + $"<td>{run.Seed?.ToString(Inv) ?? "-"}</td>{Number(run.Compute?.SamplesSeen, "N0")}{Number(run.Loss.Count > 0 ? run.Loss[^1].Loss : null, "F3")}{Number(run.Compute?.PairsPerSecond, "F0")}{string.Concat(metrics)}</tr>");
        }
        foreach (var group in SeedGroup.Of([.. runs.Select(r => r.Run)]))
        {
            var metrics = columns.Select(c => group.Statistic(c) is { } s ? $"<td class=\"n\" data-v=\"{s.Mean.ToString("R", Inv)}\">{s.ToPercent()}</td>" : "<td class=\"n\" data-v=\"-1\">-</td>");
            html.Line($"<tr class=\"group\" data-group=\"{Escape(group.Label)}\" data-n=\"{group.Runs.Count}\" hidden><td>{Escape(group.Label)} <small>({group.Runs.Count} runs)</small></td><td></td><td></td>"
                + $"<td>{string.Join(", ", group.Seeds)}</td>{Number(Mean(group, r => r.Compute?.SamplesSeen), "N0")}{Number(Mean(group, r => r.Loss.Count > 0 ? r.Loss[^1].Loss : null), "F3")}"
                + $"{Number(Mean(group, r => r.Compute?.PairsPerSecond), "F0")}{string.Concat(metrics)}</tr>");
        }
        html.Line("</tbody></table>");
        if (unreadable is { Count: > 0 })
        {
            html.Line($"<p class=\"warning\" id=\"unreadable\">{unreadable.Count} run folder(s) could not be read and are left out: {Escape(string.Join("; ", unreadable))}</p>");
        }
        html.Line("<p class=\"note\">Metrics in percent, with how many times chance. A seed group is the runs whose configs differ only in <code>name</code> and <code>training.seed</code>; it shows mean ± sample std (n).</p></div>");
        return new ResultsPage(Key, "Runs", html.ToString(), []);
    }

    private static double? Mean(SeedGroup group, Func<RunSummary, double?> value) =>
        group.Runs.Select(value).OfType<double>().ToList() is { Count: > 0 } values ? values.Average() : null;

    private static string Number(double? value, string format) =>
        value is { } v ? $"<td class=\"n\" data-v=\"{v.ToString("R", Inv)}\">{v.ToString(format, Inv)}</td>" : "<td class=\"n\" data-v=\"-1\">-</td>";
}
