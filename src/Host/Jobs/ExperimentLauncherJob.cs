using ClipHost.Engine.Experiments;
using ClipHost.Host.Options;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Jobs;

/// <summary>
/// The recurring job of a configured experiment ("Trigger now" in the dashboard, or its cron): submits a new run of it,
/// named &lt;experiment&gt;-&lt;time&gt;-&lt;hex&gt; (a schedule wants a new run each time, where a submission of a name
/// takes up that name's run), which queues the run's own training job, so scheduled and API runs take the same path.
/// </summary>
public sealed class ExperimentLauncherJob(RunSubmitter queue, IOptionsMonitor<ExperimentsOptions> experiments, TimeProvider clock)
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
        var (config, errors) = ExperimentJson.Parse(json, "experiment", declared.FullPath);
        if (config is null)
        {
            throw new OptionsValidationFailedException(errors);
        }
        var named = JsonSerializer.Serialize(config with { Name = RunIds.New(config.Name, clock.GetUtcNow()) }, ExperimentJson.Options);
        var run = await queue.SubmitAsync(named, $"schedule:{experiment}", fresh: false, cancellationToken).ConfigureAwait(false);
        return run.Id;
    }
}
