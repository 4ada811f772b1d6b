using System.CommandLine;
using ClipHost.Host.Service;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host serve`: the dashboard, the API and the job servers, until SIGTERM or Ctrl+C.</summary>
public static class ServeCommand
{
    public static RootCommand AddServeCommand(this RootCommand root)
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default Serve:Urls, http://127.0.0.1:5080); beyond loopback needs credentials" };
        var command = new Command("serve", "Run the service: Hangfire dashboard at /hangfire, REST API at /api, training and job workers, plugin hot reload") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var overrides = parse.GetValue(urls) is { } u ? new Dictionary<string, string?> { ["Serve:Urls"] = u } : [];
            try
            {
                await using var app = ServiceHost.Build(overrides);
                await app.RunAsync().ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (ConfigurationError(e) is { } invalid)
            {
                foreach (var failure in invalid.Failures)
                {
                    await Console.Error.WriteLineAsync($"configuration error: {failure}").ConfigureAwait(false);
                }
                return ImportRunner.BadInput;
            }
        });
        root.Subcommands.Add(command);
        return root;
    }

    /// <summary>A refused configuration, thrown at start by options validation or, wrapped, by a lifecycle check.</summary>
    private static Microsoft.Extensions.Options.OptionsValidationException? ConfigurationError(Exception e) => e switch
    {
        Microsoft.Extensions.Options.OptionsValidationException invalid => invalid,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.OfType<Microsoft.Extensions.Options.OptionsValidationException>().FirstOrDefault(),
        _ => null,
    };
}
