using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ClipHost.Host.Cli;

/// <summary>
/// Each CLI verb runs inside a Generic Host built from the same configuration as the service: appsettings.json
/// beside the executable, then CLIPHOST_-prefixed environment variables. Starting it validates every options
/// section, so a bad config is refused before any work.
/// </summary>
public static class CliHost
{
    public static IHost Build(Action<IHostApplicationBuilder> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Configuration.AddEnvironmentVariables("CLIPHOST_");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddClipHostOptions();
        configure(builder);
        return builder.Build();
    }

    /// <summary>Builds and starts the host (validating options); the caller disposes it.</summary>
    public static async Task<IHost> StartAsync(Action<IHostApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var host = Build(configure);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
