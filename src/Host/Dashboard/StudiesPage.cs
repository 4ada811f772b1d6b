using System.Globalization;
using System.Net;
using ClipHost.Host.Options;
using ClipHost.Host.Studies;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// The dashboard's Studies tab: what can be started (each declared experiment and study file, with its schedule, and
/// "manual" where it has none, rather than Hangfire's never-firing cron), then every study with its cells' progress,
/// each cell linked to its run. Refreshes itself every 5 s.
/// </summary>
public sealed class StudiesPage(StudyStore studies, RunStore runs, ExperimentsOptions experiments, StudiesOptions folder) : RazorPage
{
    public const string Route = "/studies";

    public override void Execute()
    {
        Layout = new LayoutPage("Studies");
        WriteLiteral("<meta http-equiv=\"refresh\" content=\"5\"><div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Studies</h1>");
        Startable();
        foreach (var study in studies.List().Select(s => StudyStatus.Of(s, runs)))
        {
            Study(study);
        }
        WriteLiteral("</div></div>");
    }

    private void Startable()
    {
        WriteLiteral($"<h3>Experiments and study files</h3><p>Start one from <a href=\"{Url.To("/recurring")}\">Recurring Jobs</a> (<em>Trigger now</em>), or with <code>POST /api/runs</code> / <code>POST /api/studies</code>. Study files are read from <code>{Encode(folder.FullPath)}</code>.</p>");
        WriteLiteral("<table class=\"table table-condensed startable\"><thead><tr><th>Name</th><th>Kind</th><th>File</th><th>Schedule</th></tr></thead><tbody>");
        foreach (var (name, declared) in experiments.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Row(name, "experiment", declared.File, declared.Cron);
        }
        IEnumerable<string> files = Directory.Exists(folder.FullPath) ? Directory.EnumerateFiles(folder.FullPath, "*.json").Order(StringComparer.Ordinal) : [];
        foreach (var file in files)
        {
            Row(Path.GetFileNameWithoutExtension(file), "study", Path.GetRelativePath(Directory.GetCurrentDirectory(), file), null);
        }
        WriteLiteral("</tbody></table>");
    }

    private void Row(string name, string kind, string file, string? cron) =>
        WriteLiteral($"<tr><td>{Encode(name)}</td><td>{kind}</td><td><code>{Encode(file)}</code></td><td class=\"schedule\">{(string.IsNullOrWhiteSpace(cron) ? "manual" : $"<code>{Encode(cron)}</code> (UTC)")}</td></tr>");

    private void Study(StudyStatus study)
    {
        var done = study.Cells.Count(c => c.Finished);
        var percent = study.Cells.Count == 0 ? 0 : 100.0 * done / study.Cells.Count;
        WriteLiteral($"<h3 class=\"study\" id=\"study-{Encode(study.Name)}\"><a href=\"{Url.To("/results/studies/" + Uri.EscapeDataString(study.Name))}\">{Encode(study.Name)}</a> <small>{Encode(study.Source)} · {study.SubmittedAt:yyyy-MM-dd HH:mm:ss}Z · {study.Cells.Count} cells over {Encode(string.Join(" × ", study.Axes))}</small></h3>");
        WriteLiteral($"<div class=\"progress\"><div class=\"progress-bar\" style=\"width:{percent.ToString("F0", CultureInfo.InvariantCulture)}%\">{done}/{study.Cells.Count}</div></div>");
        WriteLiteral($"<p class=\"counts\">{Encode(string.Join(", ", study.Counts.Select(c => $"{c.Value} {c.Key}")))}</p>");
        WriteLiteral($"<table class=\"table table-striped cells\"><thead><tr><th>Cell</th>{string.Concat(study.Axes.Select(a => $"<th>{Encode(a)}</th>"))}<th>Status</th><th>Progress</th><th>Host</th></tr></thead><tbody>");
        foreach (var cell in study.Cells)
        {
            var progress = cell.Progress is { } p ? $"step {p.Step}/{p.TotalSteps}" : "-";
            WriteLiteral($"<tr><td><a class=\"cell-run\" href=\"{Url.To("/results/runs/" + Uri.EscapeDataString(cell.RunId))}\">{Encode(cell.Cell)}</a></td>");
            WriteLiteral(string.Concat(study.Axes.Select(a => $"<td>{Encode(cell.Values.GetValueOrDefault(a, "-"))}</td>")));
            WriteLiteral($"<td class=\"status-{Encode(cell.Status)}\">{Encode(cell.Status)}</td><td>{progress}</td><td>{Encode(cell.Host ?? "-")}</td></tr>");
        }
        WriteLiteral("</tbody></table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
