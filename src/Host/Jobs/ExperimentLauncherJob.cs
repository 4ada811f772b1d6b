using ClipHost.Host.Commands;
using ClipHost.Host.Options;
using Hangfire;
using Mediator;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Jobs;

/// <summary>
/// The recurring job of a configured experiment ("Trigger now" in the dashboard, or its cron): submits a new run of
/// it, which queues the run's own training job, so scheduled and API runs take the same path.
/// </summary>
public sealed class ExperimentLauncherJob(IMediator mediator, IOptionsMonitor<ExperimentsOptions> experiments)
{
    [JobDisplayName("launch experiment {0}")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> LaunchAsync(string experiment, CancellationToken cancellationToken)
    {
        if (!experiments.CurrentValue.TryGetValue(experiment, out var declared))
        {
            throw new InvalidOperationException($"experiment '{experiment}' is no longer declared under {ExperimentsOptions.SectionName}");
        }
        var json = await File.ReadAllTextAsync(declared.FullPath, cancellationToken).ConfigureAwait(false);
        var run = await mediator.Send(new SubmitRunCommand(json, $"schedule:{experiment}"), cancellationToken).ConfigureAwait(false);
        return run.Id;
    }
}
