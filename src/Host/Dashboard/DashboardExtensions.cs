using ClipHost.Host.Dashboard;
using ClipHost.Host.Options;
using ClipHost.Host.Studies;
using ClipHost.Host.Security;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Hangfire dashboard at /hangfire, with ClipHost's Runs and Studies tabs, the results pages and its authorization.</summary>
public static class DashboardExtensions
{
    public const string Path = "/hangfire";

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var runs = app.Services.GetRequiredService<RunStore>();
        DashboardRoutes.Routes.AddRazorPage("/runs", _ => new RunsPage(runs));
        ResultsRoutes.Register(runs, app.Services.GetRequiredService<IStudyViews>(), app.Services.GetRequiredService<ISearchViews>());
        RunSearchRoutes.Register(app.Services);
        NavigationMenu.Items.Add(page => new MenuItem("Runs", page.Url.To("/runs")) { Active = page.RequestPath.StartsWith("/runs", StringComparison.Ordinal) });
        var studies = app.Services.GetRequiredService<StudyStore>();
        var experiments = app.Services.GetRequiredService<IOptions<ExperimentsOptions>>().Value;
        var folder = app.Services.GetRequiredService<IOptions<StudiesOptions>>().Value;
        DashboardRoutes.Routes.AddRazorPage(StudiesPage.Route, _ => new StudiesPage(studies, runs, experiments, folder));
        NavigationMenu.Items.Add(page => new MenuItem("Studies", page.Url.To(StudiesPage.Route)) { Active = page.RequestPath.StartsWith(StudiesPage.Route, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Results", page.Url.To(ResultsRoutes.Prefix)) { Active = page.RequestPath.StartsWith(ResultsRoutes.Prefix, StringComparison.Ordinal) });
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            DashboardTitle = "ClipHost",
            Authorization = [new DashboardAuthorization(app.Services.GetRequiredService<ServeExposure>())],
            DisplayStorageConnectionString = false,
            AppPath = null,
        });
        return app;
    }
}
