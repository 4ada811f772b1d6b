using System.Text;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// A study: its cells (axis values, status, run), its seed groups (mean ± std (n) per metric) and the paper's plots for
/// a chosen metric (the first zero-shot top-1 unless another is picked), each downloadable with its data.
/// </summary>
public static class StudyPage
{
    public static ResultsPage Render(StudyView study, string runsRoot, ResultsLinks links)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(links);
        var key = $"studies/{study.Name}";
        var done = study.Cells.Select(c => (Cell: c, Dir: RunFiles.Resolve(runsRoot, c.RunId, "config.json") is null ? null : Path.Combine(runsRoot, c.RunId)))
            .Where(c => c.Dir is not null).Select(c => (c.Cell, Run: RunSummary.Read(c.Dir!))).ToList();
        var metrics = RunComparison.Columns(done.Select(d => d.Run)).OrderBy(HeadlineOrder).ToList();
        var html = new StringBuilder();
        html.Line($"<div class=\"results\"><h1>Study {Escape(study.Name)} <small>{study.Cells.Count} cells, {done.Count} with results</small></h1>");
        html.Line($"<nav><a href=\"{Escape(links.Index)}\">all runs</a></nav>");
        Cells(html, study, links, done.Select(d => d.Cell.RunId).ToHashSet(StringComparer.Ordinal));
        Groups(html, study, done, metrics);
        var figures = new List<ResultsFigure>();
        html.Line("<h2>Plots</h2>");
        if (metrics.Count > 0)
        {
            html.Line($"<p class=\"controls\"><label>metric <select id=\"metric\">{string.Concat(metrics.Select(m => $"<option value=\"{Escape(m)}\">{Escape(m)}</option>"))}</select></label></p>");
        }
        foreach (var metric in metrics)
        {
            var plots = StudyFigures.Of(study, done, metric);
            figures.AddRange(plots);
            html.Line($"<div class=\"plots\" data-metric=\"{Escape(metric)}\">");
            plots.ToList().ForEach(f => ResultsHtml.Figure(html, links, key, f));
            html.Line(plots.Count == 0 ? "<p>No axis of this study moves samples seen, compute, the quality cut or the dataset size.</p></div>" : "</div>");
        }
        var robustness = StudyFigures.Robustness(study, done);
        figures.AddRange(robustness);
        html.Line("<div class=\"plots\" id=\"robustness\">");
        robustness.ToList().ForEach(f => ResultsHtml.Figure(html, links, key, f));
        html.Line("</div></div>");
        return new ResultsPage(key, $"Study {study.Name}", html.ToString(), figures);
    }

    /// <summary>Zero-shot top-1 first (the headline), then other top-1s, then the rest, each in first-seen order.</summary>
    private static int HeadlineOrder(string column) =>
        !column.EndsWith(" top-1", StringComparison.Ordinal) ? 2 : column.Contains("linear probe", StringComparison.Ordinal) ? 1 : 0;

    private static void Cells(StringBuilder html, StudyView study, ResultsLinks links, HashSet<string> withResults)
    {
        html.Line($"<h2>Cells</h2><table id=\"cells\"><thead><tr><th>cell</th>{string.Concat(study.Axes.Select(a => $"<th><code>{Escape(a)}</code></th>"))}<th>status</th><th>run</th></tr></thead><tbody>");
        foreach (var cell in study.Cells)
        {
            var run = withResults.Contains(cell.RunId) ? $"<a href=\"{Escape(links.Run(cell.RunId))}\">{Escape(cell.RunId)}</a>" : Escape(cell.RunId);
            html.Line($"<tr data-cell=\"{Escape(cell.Cell)}\"><td>{Escape(cell.Cell)}</td>{string.Concat(study.Axes.Select(a => $"<td>{Escape(cell.Values.GetValueOrDefault(a, "-"))}</td>"))}"
                + $"<td>{Escape(cell.Status)}</td><td>{run}</td></tr>");
        }
        html.Line("</tbody></table>");
    }

    private static void Groups(StringBuilder html, StudyView study, IReadOnlyList<(StudyCellView Cell, RunSummary Run)> done, IReadOnlyList<string> metrics)
    {
        var axes = study.Axes.Where(a => a != StudyFigures.SeedAxis).ToList();
        html.Line($"<h2>Seed groups</h2><table id=\"groups\"><thead><tr><th>group</th><th class=\"n\">n</th>{string.Concat(metrics.Select(m => $"<th class=\"n\">{Escape(m)}</th>"))}</tr></thead><tbody>");
        var groups = done.GroupBy(d => StudyFigures.Label(d.Cell, axes), StringComparer.Ordinal)
            .Select(g => new SeedGroup(g.Key, [.. g.Select(c => c.Run)])).ToList();
        foreach (var seeds in groups)
        {
            var group = seeds.Label;
            html.Line($"<tr class=\"group\" data-group=\"{Escape(group)}\" data-n=\"{seeds.Runs.Count}\"><td>{Escape(group)}</td><td class=\"n\">{seeds.Runs.Count}</td>"
                + $"{string.Concat(metrics.Select(m => $"<td class=\"n\">{seeds.Statistic(m)?.ToPercent() ?? "-"}</td>"))}</tr>");
        }
        html.Line("</tbody></table><p class=\"note\">mean ± sample std (n) over the seeds of each group, in percent.</p>");
        Differences(html, groups, metrics);
    }

    /// <summary>Each group against the first, paired by seed: the mean difference in points with its 95% interval.</summary>
    private static void Differences(StringBuilder html, List<SeedGroup> groups, IReadOnlyList<string> metrics)
    {
        if (groups.Count < 2)
        {
            return;
        }
        html.Line($"<table id=\"differences\"><thead><tr><th>against {Escape(groups[0].Label)}</th>{string.Concat(metrics.Select(m => $"<th class=\"n\">{Escape(m)}</th>"))}</tr></thead><tbody>");
        foreach (var group in groups.Skip(1))
        {
            var cells = metrics.Select(m => PairedDifference.Of(groups[0].BySeed(m), group.BySeed(m))?.ToPercent() ?? "no shared seed");
            html.Line($"<tr data-group=\"{Escape(group.Label)}\"><td>{Escape(group.Label)}</td>{string.Concat(cells.Select(c => $"<td class=\"n\">{Escape(c)}</td>"))}</tr>");
        }
        html.Line($"</tbody></table><p class=\"note\">Differences in percentage points, paired by seed, with a {PairedDifference.Confidence:P0} Student t interval; seeds only one side has are left out.</p>");
    }
}
