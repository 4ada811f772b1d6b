using ClipHost.Host.Runs;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace ClipHost.Host.Jobs;

/// <summary>
/// At start, queues again every unfinished run whose job the storage does not know: with the in-memory storage a
/// restart forgets every job, but the run records and checkpoints on disk remain, so no run is lost and each
/// resumes from its checkpoint. With PostgreSQL the jobs survive and Hangfire itself hands them out again.
/// </summary>
public sealed class RunRecovery(RunStore runs, JobStorage storage, IBackgroundJobClient jobs, ILogger<RunRecovery> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        foreach (var run in runs.List().Where(r => !r.Finished))
        {
            var evaluating = run.Status == RunStatus.Evaluating;
            var jobId = evaluating ? run.EvaluationJobId : run.TrainingJobId;
            var known = jobId is not null && connection.GetJobData(jobId) is { Job.Args: [string arg, ..] } && arg == run.Id;
            if (known)
            {
                continue;
            }
            if (evaluating)
            {
                var id = jobs.Create<EvaluationJob>(j => j.RunAsync(run.Id, CancellationToken.None), new EnqueuedState(JobQueues.Default));
                runs.Update(run.Id, r => r with { EvaluationJobId = id });
                JobLog.Recovered(logger, run.Id, "evaluation", id);
            }
            else
            {
                var id = jobs.Create<TrainingJob>(j => j.RunAsync(run.Id, CancellationToken.None), new EnqueuedState(JobQueues.Training));
                runs.Update(run.Id, r => r with { TrainingJobId = id });
                JobLog.Recovered(logger, run.Id, "training", id);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
