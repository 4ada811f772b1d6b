using System.Globalization;
using System.Text;
using ClipHost.Engine.Search;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// A recipe search: where it stands, the trials ranked by rung with their budgets, spend and validation objective
/// (promoted ones marked, each linked to its run), the objective against the compute each trial spent, each trial's
/// training loss, and once finished the report (the recommended recipe, evidence per axis, the paper's prediction).
/// </summary>
public static class SearchPage
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ResultsPage Render(SearchView search, string runsRoot, ResultsLinks links)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(links);
        var key = $"searches/{search.Name}";
        var state = search.Finished ? $"finished: <strong>{Escape(search.Winner)}</strong> recommended"
            : search.Stalled is { } why ? $"stalled: {Escape(why)}" : $"rung {search.Rung} under way";
        var html = new StringBuilder();
        html.Line($"<div class=\"results\"><h1>Recipe search {Escape(search.Name)} <small id=\"state\">{state}</small></h1>");
        html.Line($"<nav><a href=\"{Escape(links.Index)}\">all runs</a></nav>");
        html.Line($"<p id=\"compute\">Search compute: {Escape(search.Compute.Describe())}.</p>");
        Trials(html, search, runsRoot, links);
        var figures = Figures(search, runsRoot);
        html.Line("<h2>Plots</h2>");
        figures.ForEach(f => ResultsHtml.Figure(html, links, key, f));
        if (search.Report is { } report)
        {
            html.Line($"<h2>Report</h2><pre id=\"report\">{Escape(report)}</pre>");
        }
        html.Line("</div>");
        return new ResultsPage(key, $"Recipe search {search.Name}", html.ToString(), figures);
    }

    private static void Trials(StringBuilder html, SearchView search, string runsRoot, ResultsLinks links)
    {
        html.Line("<h2>Trials</h2><table id=\"trials\"><thead><tr><th>rung</th><th>point</th><th class=\"n\">budget GFLOPs</th><th class=\"n\">spent GFLOPs</th><th class=\"n\">objective (%)</th><th>role</th><th>run</th></tr></thead><tbody>");
        var last = search.Trials.Count > 0 ? search.Trials.Max(x => x.Rung) : -1;
        foreach (var t in search.Trials.OrderBy(t => t.Rung).ThenByDescending(t => t.Objective ?? double.MinValue))
        {
            var run = RunFiles.Resolve(runsRoot, t.RunId, "config.json") is null ? Escape(t.RunId) : $"<a href=\"{Escape(links.Run(t.RunId))}\">{Escape(t.RunId)}</a>";
            html.Line(string.Create(Inv, $"<tr data-rung=\"{t.Rung}\" data-cell=\"{Escape(t.Cell)}\"><td>{t.Rung}</td><td>{Escape(t.Label)}</td><td class=\"n\">{t.BudgetGflops:N0}</td>")
                + $"<td class=\"n\">{(t.TrainingGflops is { } g ? g.ToString("N0", Inv) : "-")}</td><td class=\"n\">{(t.Objective is { } o ? (100 * o).ToString("F2", Inv) : "failed")}</td>"
                + $"<td>{Escape(t.Mark(search.Finished ? search.Winner : null, last))}</td><td>{run}</td></tr>");
        }
        foreach (var p in search.Pending)
        {
            html.Line(string.Create(Inv, $"<tr class=\"pending\" data-rung=\"{search.Rung}\" data-cell=\"{Escape(p.Cell)}\"><td>{search.Rung}</td><td>{Escape(p.Cell)}</td><td colspan=\"4\">{Escape(p.Status)}</td><td>{Escape(p.RunId)}</td></tr>"));
        }
        html.Line("</tbody></table><p class=\"note\">Trials are judged on validation splits only; one seed each, so a gap of a point or two between trials is within the seed-to-seed noise.</p>");
    }

    /// <summary>The objective against the compute each trial spent (one series per rung), and each finished trial's training loss.</summary>
    private static List<ResultsFigure> Figures(SearchView search, string runsRoot)
    {
        var scored = search.Trials.Where(t => t.Objective is not null && t.TrainingGflops is > 0).ToList();
        var byRung = scored.GroupBy(t => t.Rung).OrderBy(g => g.Key)
            .Select(g => new FigureSeries($"rung {g.Key}", [.. g.Select(t => t.TrainingGflops!.Value)], [.. g.Select(t => 100 * t.Objective!.Value)])).ToList();
        var figures = new List<ResultsFigure>();
        if (byRung.Count > 0)
        {
            figures.Add(new ResultsFigure("objective-vs-gflops", "Validation objective against training GFLOPs, by rung", "training GFLOPs", "objective (%)", byRung, LogX: true, Markers: true));
        }
        var losses = search.Trials.Select(t => (t.RunId, Dir: Path.Combine(runsRoot, t.RunId)))
            .Where(t => RunFiles.Resolve(runsRoot, t.RunId, "metrics.jsonl") is not null)
            .Select(t => (t.RunId, RunSummary.Read(t.Dir).Loss)).Where(t => t.Loss.Count > 0)
            .Select(t => new FigureSeries(t.RunId, [.. t.Loss.Select(l => (double)l.Samples)], [.. t.Loss.Select(l => l.Loss)])).ToList();
        if (losses.Count > 0)
        {
            figures.Add(new ResultsFigure("loss", "Training loss of each trial against samples seen", "samples seen", "loss", losses));
        }
        return figures;
    }
}
