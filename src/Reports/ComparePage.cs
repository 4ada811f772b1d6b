using System.Text;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>Two runs: what their configs change (path, both values), headline metrics side by side, curves overlaid.</summary>
public static class ComparePage
{
    public static ResultsPage Render(RunSummary a, RunSummary b, ResultsLinks links)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(links);
        var key = $"compare/{a.Name}/{b.Name}";
        var figures = CurveFigures.Of([a, b]);
        var html = new StringBuilder();
        html.Line($"<div class=\"results\"><h1>{Escape(a.Name)} vs {Escape(b.Name)}</h1>");
        html.Line($"<nav><a href=\"{Escape(links.Index)}\">all runs</a><a href=\"{Escape(links.Run(a.Name))}\">{Escape(a.Name)}</a><a href=\"{Escape(links.Run(b.Name))}\">{Escape(b.Name)}</a></nav>");
        html.Line("<h2>Config diff</h2>");
        var diff = ConfigDiff.Of(a.Config, b.Config).Where(d => d.Path != "name").ToList();
        if (diff.Count == 0)
        {
            html.Line("<p>The configs are the same but for the name.</p>");
        }
        html.Line($"<table id=\"config-diff\"><thead><tr><th>path</th><th>{Escape(a.Name)}</th><th>{Escape(b.Name)}</th></tr></thead><tbody>");
        foreach (var (path, first, second) in diff)
        {
            html.Line($"<tr data-path=\"{Escape(path)}\"><td><code>{Escape(path)}</code></td><td><code>{Escape(first)}</code></td><td><code>{Escape(second)}</code></td></tr>");
        }
        html.Line("</tbody></table><h2>Metrics</h2>");
        var columns = RunComparison.Columns([a, b]);
        html.Line($"<table id=\"metrics\"><thead><tr><th>metric</th><th>{Escape(a.Name)}</th><th>{Escape(b.Name)}</th></tr></thead><tbody>");
        foreach (var column in columns)
        {
            html.Line($"<tr><td>{Escape(column)}</td><td>{Cell(a, column)}</td><td>{Cell(b, column)}</td></tr>");
        }
        html.Line("</tbody></table><h2>Curves</h2><div class=\"plots\">");
        foreach (var figure in figures)
        {
            ResultsHtml.Figure(html, links, key, figure);
        }
        html.Line("</div></div>");
        return new ResultsPage(key, $"{a.Name} vs {b.Name}", html.ToString(), figures);
    }

    private static string Cell(RunSummary run, string column) =>
        run.Headline().Where(h => h.Column == column).Select(h => Escape(MetricText.WithChance(h.Value, h.Chance))).FirstOrDefault() ?? "-";
}
