using ClipHost.Host.Jobs;
using ClipHost.Host.Security;
using Microsoft.Extensions.Hosting.Systemd;

namespace ClipHost.Host.Service;

/// <summary>
/// `clip-host serve`: the long-running service on the Generic Host. This is its table of contents: what it registers
/// and what it maps. Configuration: appsettings.json beside the executable, user-secrets, then the environment
/// (CLIPHOST_-prefixed, or plain ConnectionStrings__Hangfire).
/// </summary>
public static class ServiceHost
{
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddUserSecrets(typeof(ServiceHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables("CLIPHOST_");
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Host.UseSystemd();
        if (!SystemdHelpers.IsSystemdService())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        builder.AddServeSecurity();
        builder.AddClipHostOptions()
            .AddCommands(installsPackages: false)
            .AddPluginHotReload()
            .AddJobs();

        var app = builder.Build();
        app.UseServeSecurity();
        app.MapHealthApi();
        app.MapPluginsApi();
        app.MapRunsApi();
        app.MapStudiesApi();
        app.MapRecipesApi();
        app.MapDataApi();
        app.MapJobsDashboard();
        app.Lifetime.ApplicationStarted.Register(() => Announce(app));
        return app;
    }

    private static void Announce(WebApplication app)
    {
        // What Kestrel really bound, which its own settings may have moved away from Serve:Urls.
        var bound = app.Services.GetRequiredService<ServeExposure>().Addresses;
        var devices = app.Services.GetRequiredService<DevicePool>().Devices;
        var first = bound[0].TrimEnd('/');
        var urls = string.Join(";", bound);
        var storage = app.Configuration.StorageName();
        var deviceList = string.Join(", ", devices);
        JobLog.Serving(app.Logger, urls, first + DashboardExtensions.Path, first + "/api", storage, devices.Count, deviceList);
    }
}
