using ClipHost.Host.Jobs;
using ClipHost.Host.Options;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;

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
            .AddTraining()
            .AddDataImport()
            .AddPluginHotReload()
            .AddCommands()
            .AddJobs();

        var app = builder.Build();
        app.UseServeSecurity();
        app.MapHealthApi();
        app.MapPluginsApi();
        app.MapRunsApi();
        app.MapImportsApi();
        app.MapFiltersApi();
        app.MapJobsDashboard();
        app.Lifetime.ApplicationStarted.Register(() => Announce(app));
        return app;
    }

    private static void Announce(WebApplication app)
    {
        var serve = app.Services.GetRequiredService<IOptions<ServeOptions>>().Value;
        var devices = app.Services.GetRequiredService<DevicePool>().Devices;
        var first = serve.UrlList[0].TrimEnd('/');
        var storage = app.Configuration.StorageName();
        var deviceList = string.Join(", ", devices);
        JobLog.Serving(app.Logger, serve.Urls, first + DashboardExtensions.Path, first + "/api", storage, devices.Count, deviceList);
    }
}
