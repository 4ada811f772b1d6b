using System.Globalization;
using System.Net;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// The dashboard's Runs tab: every run with status, progress (step, samples seen, loss, pairs/s, ETA), attempts
/// and resume point, metrics and where its checkpoint is; links to its results page and its Hangfire jobs. Refreshes itself every 5 s.
/// </summary>
public sealed class RunsPage(RunStore runs) : RazorPage
{
    public override void Execute()
    {
        Layout = new LayoutPage("Runs");
        WriteLiteral("<meta http-equiv=\"refresh\" content=\"5\"><div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Runs</h1>");
        WriteLiteral($"<p>Run records under <code>{Encode(runs.Root)}</code>. Start one with <em>Recurring Jobs → Trigger now</em> or <code>POST /api/runs</code>.</p>");
        WriteLiteral("<table class=\"table table-striped runs\"><thead><tr><th>Run</th><th>Status</th><th>Progress</th><th>Loss</th><th>Pairs/s</th><th>ETA</th><th>Attempts</th><th>Metrics</th><th>Jobs</th></tr></thead><tbody>");
        foreach (var r in runs.List())
        {
            var p = r.Progress;
            var percent = p is { TotalSteps: > 0 } ? 100.0 * p.Step / p.TotalSteps : 0;
            WriteLiteral("<tr>");
            WriteLiteral($"<td><strong><a class=\"run-page\" href=\"{Url.To($"{ResultsRoutes.Prefix}/runs/{Uri.EscapeDataString(r.Id)}")}\">{Encode(r.Id)}</a></strong><br><small>{Encode(r.Source)} · {r.SubmittedAt:yyyy-MM-dd HH:mm:ss}Z{(r.Host is null ? string.Empty : " · " + Encode(r.Host))}</small></td>");
            WriteLiteral($"<td class=\"status-{r.Status.ToString().ToLowerInvariant()}\">{r.Status}{(r.Error is null ? string.Empty : $"<br><small>{Encode(r.Error)}</small>")}</td>");
            WriteLiteral(p is null ? "<td>-</td><td>-</td><td>-</td><td>-</td>" :
                $"<td><div class=\"progress\" style=\"margin:0\"><div class=\"progress-bar\" style=\"width:{percent.ToString("F0", CultureInfo.InvariantCulture)}%\">{percent:F0}%</div></div><small>step {p.Step}/{p.TotalSteps} · {p.SamplesSeen:N0} samples</small></td>" +
                $"<td>{(p.Loss is { } loss ? loss.ToString("F4", CultureInfo.InvariantCulture) : "-")}</td><td>{p.PairsPerSecond:F0}</td><td>{(p.EtaSeconds is { } eta && !r.Finished ? TimeSpan.FromSeconds(Math.Round(eta)).ToString() : "-")}</td>");
            WriteLiteral($"<td>{r.Attempts}{(r.ResumedFromStep > 0 ? $"<br><small>resumed from step {r.ResumedFromStep}</small>" : string.Empty)}</td>");
            WriteLiteral($"<td><small>{string.Join("<br>", r.Metrics.Select(m => $"{Encode(m.Key)} = {m.Value:F4}"))}</small></td>");
            WriteLiteral($"<td>{JobLink(r.TrainingJobId, "train")} {JobLink(r.EvaluationJobId, "eval")}</td>");
            WriteLiteral("</tr>");
        }
        WriteLiteral("</tbody></table></div></div>");
    }

    private string JobLink(string? id, string label) => id is null ? string.Empty : $"<a href=\"{Url.JobDetails(id)}\">{label} #{Encode(id)}</a>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
