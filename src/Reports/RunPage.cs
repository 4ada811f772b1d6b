using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>One run: its curves, evaluation results, lineage, compute, config and every file as a link.</summary>
public static class RunPage
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    public static ResultsPage Render(string runDirectory, RunSummary run, RunInfo info, ResultsLinks links)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(links);
        var key = $"runs/{run.Name}";
        var figures = CurveFigures.Of([run]);
        var html = new StringBuilder();
        html.Line($"<div class=\"results\"><h1>Run {Escape(run.Name)} <small>{Escape(info.Status ?? string.Empty)}</small></h1>");
        var search = links.RunSearch(run.Name) is { } url ? $" · <a id=\"search-link\" href=\"{Escape(url)}\">search a store with this run</a>" : string.Empty;
        html.Line($"<nav><a href=\"{Escape(links.Index)}\">all runs</a>{search}</nav>");
        html.Line("<h2>Curves</h2><div class=\"plots\">");
        figures.ToList().ForEach(f => ResultsHtml.Figure(html, links, key, f));
        html.Line(figures.Count == 0 ? "<p>No metrics.jsonl yet.</p></div>" : "</div>");
        if (run.Curves.Skipped > 0)
        {
            html.Line($"<p class=\"note\">{run.Curves.Skipped} line(s) of metrics.jsonl were not JSON and are left out.</p>");
        }
        Results(html, run);
        html.Line("<h2>Lineage</h2>");
        ResultsHtml.Meta(html, Lineage(run, info));
        html.Line("<h2>Compute</h2>");
        ResultsHtml.Meta(html, Compute(runDirectory, run));
        html.Line("<h2>Files</h2><ul id=\"files\">");
        foreach (var file in RunFiles.List(runDirectory))
        {
            html.Line($"<li><a href=\"{Escape(links.File(runDirectory, run.Name, file))}\">{Escape(file)}</a></li>");
        }
        html.Line($"</ul><h2>Config</h2><pre id=\"config\">{Escape(run.Config?.ToJsonString(Pretty) ?? "(no config.json)")}</pre></div>");
        return new ResultsPage(key, $"Run {run.Name}", html.ToString(), figures);
    }

    private static void Results(StringBuilder html, RunSummary run)
    {
        html.Line("<h2>Evaluation</h2>");
        html.Line("<table id=\"results\"><thead><tr><th>dataset</th><th>task</th><th>metric</th><th class=\"n\">value</th></tr></thead><tbody>");
        foreach (var r in run.Results)
        {
            foreach (var (metric, value) in r.Metrics.Where(m => !m.Key.EndsWith("_std", StringComparison.Ordinal)))
            {
                html.Line($"<tr><td>{Escape(r.Dataset)}</td><td>{Escape(r.Task)}</td><td>{Escape(metric)}</td><td class=\"n\">{Escape(MetricText.WithChance(value, r.Chance.GetValueOrDefault(metric)))}</td></tr>");
            }
        }
        foreach (var s in run.Shifts)
        {
            html.Line($"<tr><td>{Escape(s.Name)}: {Escape(s.InDistribution)} → average of {s.Variants.Count}</td><td>distribution shift</td><td>{Escape(s.Metric)}</td>"
                + $"<td class=\"n\">{MetricText.Percent(s.Average.Value)}% vs {MetricText.Percent(s.InDistributionValue)}%</td></tr>");
        }
        html.Line("</tbody></table>");
    }

    private static IEnumerable<(string, string)> Lineage(RunSummary run, RunInfo info)
    {
        var data = run.Config?["data"];
        yield return ("experiment", Escape(info.Experiment ?? "-"));
        yield return ("source", Escape(info.Source ?? "-"));
        yield return ("host", Escape(info.Host ?? "-"));
        yield return ("store", Escape(Text(data?["store"]) ?? "-"));
        if (Text(data?["subset"]) is { } subset)
        {
            yield return ("subset", Escape(subset));
        }
        if (run.Subset is { } s)
        {
            var chain = s.Lineage.Count == 0 ? s.Selection : string.Join(" → ", s.Lineage.Select(l => $"{l.Id} (kept {l.Kept:N0} of {l.In:N0})"));
            yield return ("filter chain", Escape(chain));
            yield return ("chosen subset", Escape(string.Create(Inv, $"{s.Ids.Count:N0} of {s.SourceCount:N0} pairs of '{s.Store}'")));
        }
        yield return ("resumed from", info.ResumedFromStep > 0 ? Escape(string.Create(Inv, $"step {info.ResumedFromStep} (attempt {info.Attempts})")) : "a fresh start");
        yield return ("seed", run.Seed?.ToString(Inv) ?? "-");
    }

    private static IEnumerable<(string, string)> Compute(string runDirectory, RunSummary run)
    {
        if (run.Config?["training"]?["budget"] is { } budget)
        {
            yield return ("budget (config)", $"<code>{Escape(budget.ToJsonString())}</code>");
        }
        if (run.Compute is not { } c)
        {
            yield return ("compute", "no compute.json yet");
            yield break;
        }
        yield return ("forward GFLOPs per pair", Escape(string.Create(Inv, $"{c.ImageForwardGflopsPerSample + c.TextForwardGflopsPerSample:G4} (image {c.ImageForwardGflopsPerSample:G4}, text {c.TextForwardGflopsPerSample:G4})")));
        yield return ("training GFLOPs", Escape(string.Create(Inv, $"{c.TrainingGflops:G4} (3 x forward over {c.SamplesSeen:N0} samples)")));
        yield return ("pairs/s", c.PairsPerSecond.ToString("F0", Inv));
        yield return ("parameters", Escape(string.Create(Inv, $"{c.ImageParameters + c.TextParameters:N0} (image {c.ImageParameters:N0}, text {c.TextParameters:N0})")));
        // The budget a run was held to, when the trainer records one beside its compute.
        var file = Path.Combine(runDirectory, "compute.json");
        if (File.Exists(file) && JsonNode.Parse(File.ReadAllText(file)) is JsonObject raw)
        {
            foreach (var (name, value) in raw.Where(p => p.Key.StartsWith("budget", StringComparison.OrdinalIgnoreCase)))
            {
                yield return (name, $"<code>{Escape(value?.ToJsonString() ?? "null")}</code>");
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
