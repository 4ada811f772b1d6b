using ClipHost.Reports;
using Hangfire.Dashboard;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// The results pages under the dashboard: /results (every run), /results/runs/{id}, /results/compare?a=&amp;b=,
/// /results/studies/{name} (when a study layer registers <see cref="IStudyViews"/>), /results/searches/{name} (likewise
/// <see cref="ISearchViews"/>), each page's figures under
/// /results/figures/{page}/{name}.{png|svg|csv} and run files under /results/files/{id}/{path}. The route patterns
/// admit only identifiers; the handlers check again.
/// </summary>
public static class ResultsRoutes
{
    public const string Prefix = "/results";
    /// <summary>The route pattern of an id: an identifier, nothing that could step out of a folder.</summary>
    public const string Id = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private const string FigureFile = "/(?<name>[a-z0-9-]+)\\.(?<format>png|svg|csv)";

    public static void Register(RunStore runs, IStudyViews? studies, ISearchViews? searches = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var routes = DashboardRoutes.Routes;
        routes.AddRazorPage($"{Prefix}/?", _ => new ResultsRazorPage((links, _) => ResultsSite.RunsTable(runs.Root, links)));
        routes.AddRazorPage($"{Prefix}/runs/(?<id>{Id})", m => new ResultsRazorPage((links, _) => ResultsSite.Run(runs.Root, m.Groups["id"].Value, links)));
        routes.AddRazorPage($"{Prefix}/compare", _ => new ResultsRazorPage((links, c) =>
            ResultsSite.Compare(runs.Root, c.Request.GetQuery("a") ?? string.Empty, c.Request.GetQuery("b") ?? string.Empty, links)));
        routes.Add($"{Prefix}/figures/runs/(?<id>{Id}){FigureFile}", new ResultsFileDispatcher(c =>
            ResultsFileDispatcher.Figure(ResultsSite.Run(runs.Root, c.UriMatch.Groups["id"].Value, Served(c)), c)));
        routes.Add($"{Prefix}/figures/compare/(?<a>{Id})/(?<b>{Id}){FigureFile}", new ResultsFileDispatcher(c =>
            ResultsFileDispatcher.Figure(ResultsSite.Compare(runs.Root, c.UriMatch.Groups["a"].Value, c.UriMatch.Groups["b"].Value, Served(c)), c)));
        routes.Add($"{Prefix}/files/(?<id>{Id})/(?<path>.+)", new ResultsFileDispatcher(c => ResultsFileDispatcher.RunFile(runs, c)));
        if (studies is not null)
        {
            routes.AddRazorPage($"{Prefix}/studies/(?<name>{Id})", m => new ResultsRazorPage((links, _) => Study(studies, runs, m.Groups["name"].Value, links)));
            routes.Add($"{Prefix}/figures/studies/(?<study>{Id}){FigureFile}", new ResultsFileDispatcher(c =>
                ResultsFileDispatcher.Figure(Study(studies, runs, c.UriMatch.Groups["study"].Value, Served(c)), c)));
        }
        if (searches is not null)
        {
            RegisterSearches(routes, runs, searches);
        }
    }

    private static void RegisterSearches(Hangfire.Dashboard.RouteCollection routes, RunStore runs, ISearchViews searches)
    {
        routes.AddRazorPage($"{Prefix}/searches/(?<name>{Id})", m => new ResultsRazorPage((links, _) => Search(searches, runs, m.Groups["name"].Value, links)));
        routes.Add($"{Prefix}/figures/searches/(?<search>{Id}){FigureFile}", new ResultsFileDispatcher(c =>
            ResultsFileDispatcher.Figure(Search(searches, runs, c.UriMatch.Groups["search"].Value, Served(c)), c)));
    }

    private static ResultsPage? Search(ISearchViews searches, RunStore runs, string name, ResultsLinks links) =>
        searches.Find(name) is { } view ? ResultsSite.SearchPage(view, runs.Root, links) : null;

    private static ResultsPage? Study(IStudyViews studies, RunStore runs, string name, ResultsLinks links) =>
        studies.Find(name) is { } view ? ResultsSite.StudyPage(view, runs.Root, links) : null;

    // A figure's bytes do not depend on the links of the page it was rebuilt from.
    private static ResultsLinks Served(DashboardContext context) => ResultsLinks.Served(context.Request.PathBase + Prefix);
}
