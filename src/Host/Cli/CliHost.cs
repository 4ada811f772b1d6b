namespace ClipHost.Host.Cli;

/// <summary>
/// Each CLI verb runs inside a Generic Host built from the same configuration as the service: appsettings.json
/// beside the executable, then CLIPHOST_-prefixed environment variables. Starting it validates every options
/// section, so a bad config is refused before any work.
/// </summary>
public static class CliHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> overrides, Action<IHostApplicationBuilder> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Configuration.AddEnvironmentVariables("CLIPHOST_");
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A refused configuration is reported once, as a plain line, by RunAsync.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        // The CLI prints its own summaries and progress bars; these info lines are for the service's logs.
        builder.Logging.AddFilter("ClipHost.Engine.Data.Import.DatasetImporter", LogLevel.Warning);
        builder.Logging.AddFilter("ClipHost.Engine.Training.Trainer", LogLevel.Warning);
        builder.Logging.AddFilter("ClipHost.Host.Plugins.PluginCatalog", LogLevel.Warning);
        // The commands' structured log is the service's: the CLI prints what each verb did, and how it failed, itself
        // (one line, no stack trace).
        builder.Logging.AddFilter("ClipHost.Host.Commands", LogLevel.Warning);
        builder.Logging.AddFilter("ClipHost.Host.Commands.LoggingBehavior", LogLevel.None);
        builder.AddClipHostOptions();
        configure(builder);
        return builder.Build();
    }

    /// <summary>
    /// Starts the host (validating every options section), runs the verb, and turns a bad configuration into
    /// one line per failed rule and exit code 2, before any work. The verb's token fires on Ctrl+C and on SIGTERM:
    /// the host's console lifetime takes both signals (and keeps the process alive for a clean stop), so its
    /// ApplicationStopping is what tells a training to write its checkpoint and return.
    /// </summary>
    public static async Task<int> RunAsync(System.CommandLine.ParseResult parse, Action<IHostApplicationBuilder> configure, Func<IHost, CancellationToken, Task<int>> verb, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = await StartAsync(LayoutOptions.Overrides(parse), configure, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Refusals(e) is { Count: > 0 } failures)
        {
            // Several sections failing at once arrive as one AggregateException of their refusals.
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"configuration error: {failure}").ConfigureAwait(false);
            }
            return ImportRunner.BadInput;
        }
        using (host)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            return await verb(host, stop.Token).ConfigureAwait(false);
        }
    }

    private static List<string> Refusals(Exception e) => e switch
    {
        Microsoft.Extensions.Options.OptionsValidationException v => [.. v.Failures],
        AggregateException a when a.InnerExceptions.All(i => i is Microsoft.Extensions.Options.OptionsValidationException) =>
            [.. a.InnerExceptions.SelectMany(i => ((Microsoft.Extensions.Options.OptionsValidationException)i).Failures).Distinct()],
        _ => [],
    };

    /// <summary>Builds and starts the host (validating options); the caller disposes it.</summary>
    public static async Task<IHost> StartAsync(IEnumerable<KeyValuePair<string, string?>> overrides, Action<IHostApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var host = Build(overrides, configure);
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
