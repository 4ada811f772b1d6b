using ClipHost.Host.Api;
using ClipHost.Host.Jobs;
using ClipHost.Host.Plugins;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// GET /api/health: this host is up, on which storage, with how many plugins and training devices. 200 "ok" only
/// when the job storage answers; 503 "degraded", naming the storage, while it does not (jobs can be neither queued
/// nor handed out then, so a load balancer should send no work here). On PostgreSQL, "runsRoot" says whether every
/// live host on the queue shares this host's runs root.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", async (PluginCatalog catalog, DevicePool devices, IConfiguration configuration, JobStorageProbe probe, IServiceProvider services, CancellationToken ct) =>
        {
            var storage = configuration.StorageName();
            var problem = await probe.ProbeAsync(ct).ConfigureAwait(false);
            return ApiResults.Json(new
            {
                status = problem is null ? "ok" : "degraded",
                error = problem is null ? null : $"job storage unreachable: {storage} ({problem})",
                host = Environment.MachineName,
                processId = Environment.ProcessId,
                storage,
                plugins = catalog.Current.Plugins.Count,
                devices = devices.Devices.Select(d => d.ToString()),
                runsRoot = services.GetService<SharedRunsRoot>()?.Problem ?? "ok",
            }, problem is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
