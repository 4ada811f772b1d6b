using System.Globalization;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Paths;
using ClipHost.Host.Commands;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// /results/runs/{id}/search: type a caption and see the store's nearest images, or drop an image (posted to
/// <see cref="RunSearchDispatcher"/>) and see the nearest captions; every image links to the search by it. The store
/// defaults to the one the run trained on. Searches go through <see cref="SearchRunCommand"/>, as the CLI's do.
/// </summary>
public sealed class RunSearchPage(IServiceProvider services, string runId) : RazorPage
{
    public override void Execute()
    {
        var runs = services.GetRequiredService<RunStore>();
        if (runs.Get(runId) is not { } run)
        {
            Layout = new LayoutPage("Not found");
            Context.Response.StatusCode = 404;
            WriteLiteral($"<h1 class=\"page-header\">Not found</h1><p>No such run. <a href=\"{Url.To(ResultsRoutes.Prefix)}\">All runs</a></p>");
            return;
        }
        var pageUrl = Url.To($"{ResultsRoutes.Prefix}/runs/{Uri.EscapeDataString(runId)}/search");
        var query = Query(run);
        Layout = new LayoutPage($"Search with {runId}");
        WriteLiteral($"<style>{RunSearchHtml.Style}</style><div class=\"search\">");
        WriteLiteral($"<h1 class=\"page-header\">Search with run {Encode(runId)}</h1>");
        WriteLiteral($"<nav><a href=\"{Url.To($"{ResultsRoutes.Prefix}/runs/{Uri.EscapeDataString(runId)}")}\">the run's page</a></nav>");
        WriteLiteral(RunSearchHtml.Form(pageUrl, query, Context.AntiforgeryHeader, Context.AntiforgeryToken));
        WriteLiteral(query.Text is null && query.Sample is null ? "<div id=\"results\"></div>" : Search(query, pageUrl));
        WriteLiteral($"</div><script>{RunSearchHtml.Script}</script>");
    }

    private string Search(RunSearchQuery query, string pageUrl)
    {
        var command = new SearchRunCommand(runId, query.Store) { Split = query.Split, Text = query.Text, Sample = query.Sample, K = query.K };
        var (html, status) = RunSearchDispatcher.Render(services, command, query, pageUrl);
        Context.Response.StatusCode = status;
        return html;
    }

    private RunSearchQuery Query(RunRecord run)
    {
        var store = Context.Request.GetQuery("store") is { Length: > 0 } named ? named : TrainedOn(run);
        var split = Context.Request.GetQuery("split") is { Length: > 0 } s ? s : null;
        var text = Context.Request.GetQuery("q") is { } q && !string.IsNullOrWhiteSpace(q) ? q : null;
        int? sample = int.TryParse(Context.Request.GetQuery("sample"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var k = int.TryParse(Context.Request.GetQuery("k"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 10;
        return new RunSearchQuery(store, split, text, sample, k);
    }

    // The store the run trained on, read from its config; a config without one leaves the field for the user.
    private static string TrainedOn(RunRecord run) =>
        run.Config.TryGetProperty("data", out var data) && data.TryGetProperty("store", out var store) && store.GetString() is { } name && Identifier.IsValid(name)
            ? name
            : string.Empty;

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
