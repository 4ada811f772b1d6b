using ClipHost.Host.Api;
using ClipHost.Host.Jobs;
using ClipHost.Host.Plugins;

namespace Microsoft.AspNetCore.Builder;

/// <summary>GET /api/health: this host is up, on which storage, with how many plugins and training devices.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (PluginCatalog catalog, DevicePool devices, IConfiguration configuration) => ApiResults.Json(new
        {
            status = "ok",
            host = Environment.MachineName,
            processId = Environment.ProcessId,
            storage = configuration.StorageName(),
            plugins = catalog.Current.Plugins.Count,
            devices = devices.Devices.Select(d => d.ToString()),
        }));
        return app;
    }
}
