using ClipHost.Host.Options;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Jobs;

/// <summary>
/// Registers each declared experiment as the recurring job "experiment:&lt;name&gt;" (stable ids, so every host
/// registers the same ones and a restart changes nothing), and removes those no longer declared. Without a cron
/// an experiment runs only when someone presses "Trigger now" in the dashboard.
/// </summary>
public sealed class ExperimentSchedule(IRecurringJobManager recurring, JobStorage storage, IOptions<ExperimentsOptions> experiments) : IHostedService
{
    public const string Prefix = "experiment:";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, declared) in experiments.Value)
        {
            try
            {
                recurring.AddOrUpdate<ExperimentLauncherJob>(Prefix + name, JobQueues.Default, j => j.LaunchAsync(name, CancellationToken.None),
                    string.IsNullOrWhiteSpace(declared.Cron) ? Cron.Never() : declared.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            }
            catch (ArgumentException e)
            {
                throw new OptionsValidationException(ExperimentsOptions.SectionName, typeof(ExperimentsOptions), [$"Experiments.{name}.Cron: '{declared.Cron}' is not a cron expression ({e.Message})"]);
            }
        }
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal) && !experiments.Value.ContainsKey(j.Id[Prefix.Length..])))
        {
            recurring.RemoveIfExists(stale.Id);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
