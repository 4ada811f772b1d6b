using Hangfire.Dashboard;

namespace ClipHost.Host.Dashboard;

/// <summary>The search page of a run under the results pages, and the endpoint its dropped images are posted to.</summary>
public static class RunSearchRoutes
{
    public static void Register(IServiceProvider services)
    {
        var page = $"{ResultsRoutes.Prefix}/runs/(?<id>{ResultsRoutes.Id})/search";
        DashboardRoutes.Routes.AddRazorPage(page, m => new RunSearchPage(services, m.Groups["id"].Value));
        DashboardRoutes.Routes.Add($"{page}/image", new RunSearchDispatcher(services));
    }
}
