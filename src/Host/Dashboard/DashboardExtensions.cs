using ClipHost.Host.Dashboard;
using ClipHost.Host.Security;
using Hangfire;
using Hangfire.Dashboard;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Hangfire dashboard at /hangfire, with ClipHost's Runs tab, the results pages and its authorization.</summary>
public static class DashboardExtensions
{
    public const string Path = "/hangfire";

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var runs = app.Services.GetRequiredService<RunStore>();
        DashboardRoutes.Routes.AddRazorPage("/runs", _ => new RunsPage(runs));
        ResultsRoutes.Register(runs, app.Services.GetService<IStudyViews>());
        NavigationMenu.Items.Add(page => new MenuItem("Runs", page.Url.To("/runs")) { Active = page.RequestPath.StartsWith("/runs", StringComparison.Ordinal) });
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
