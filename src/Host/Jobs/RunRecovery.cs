using Hangfire;
using Hangfire.States;

namespace ClipHost.Host.Jobs;

/// <summary>
/// At start, queues again every unfinished run of the service's queue whose job the storage does not know: with the
/// in-memory storage a restart forgets every job, but the run records and checkpoints on disk remain, so no run is lost
/// and each resumes from its checkpoint. With PostgreSQL the jobs survive and Hangfire itself hands them out again.
/// Runs the CLI trains have no job and are left alone: their process, or the next submission, carries them on.
/// </summary>
public sealed class RunRecovery(RunStore runs, JobStorage storage, RunSubmitter queue, IBackgroundJobClient jobs, ILogger<RunRecovery> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        foreach (var run in runs.List().Where(r => r.TrainingJobId is not null && r.Status is RunStatus.Queued or RunStatus.Training or RunStatus.Trained or RunStatus.Evaluating))
        {
            var evaluating = run.Status is RunStatus.Trained or RunStatus.Evaluating;
            var jobId = evaluating ? run.EvaluationJobId : run.TrainingJobId;
            if (jobId is not null && connection.GetJobData(jobId) is { Job.Args: [string arg, ..] } && arg == run.Id)
            {
                continue;
            }
            if (evaluating)
            {
                var record = queue.QueueEvaluation(run.Id);
                JobLog.Recovered(logger, run.Id, "evaluation", record.EvaluationJobId!);
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
