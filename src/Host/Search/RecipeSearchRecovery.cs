using Hangfire;
using Hangfire.States;

namespace ClipHost.Host.Search;

/// <summary>
/// At start, queues the advance job again of every unfinished search whose job the storage does not know: the
/// in-memory storage forgets its scheduled jobs on restart, while the search's record and its trials' runs remain.
/// With PostgreSQL the scheduled job survives and this finds nothing to do. Searches the CLI runs in its own process
/// have no advance job and are left alone.
/// </summary>
public sealed class RecipeSearchRecovery(RecipeSearchStore searches, JobStorage storage, IBackgroundJobClient jobs, ILogger<RecipeSearchRecovery> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        foreach (var record in searches.List().Where(r => r.AdvanceJobId is not null && r.FinishedAt is null && r.Stalled is null))
        {
            if (connection.GetJobData(record.AdvanceJobId!) is { Job.Args: [string arg, ..] } && arg == record.Name)
            {
                continue;
            }
            var job = jobs.Create<RecipeSearchJob>(j => j.AdvanceAsync(record.Name, CancellationToken.None), new EnqueuedState(Jobs.JobQueues.Default));
            searches.Save(record with { AdvanceJobId = job });
            Jobs.JobLog.SearchRecovered(logger, record.Name, job);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
