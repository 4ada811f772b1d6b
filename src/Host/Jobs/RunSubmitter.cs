using Hangfire;
using Hangfire.States;

namespace ClipHost.Host.Jobs;

/// <summary>
/// How the service does the work a command describes: it creates the run (the same command as the CLI), then queues
/// its training job, which takes only the run id. A run that needs nothing (it succeeded, or a job is on it) is not
/// queued again. When the job storage cannot take the job, a record this submission made is removed again and the
/// submission refused: the caller learns now that nothing was queued.
/// </summary>
public sealed class RunSubmitter(Mediator.IMediator mediator, RunStore runs, IBackgroundJobClient jobs, ILogger<RunSubmitter> logger)
{
    public async Task<RunRecord> SubmitAsync(string experimentJson, string source, bool fresh, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateRunCommand(experimentJson, source, fresh), cancellationToken).ConfigureAwait(false);
        if (!created.NeedsTraining)
        {
            return created.Run;
        }
        var id = created.Run.Id;
        string jobId;
        try
        {
            jobId = jobs.Create<TrainingJob>(j => j.RunAsync(id, CancellationToken.None), new EnqueuedState(JobQueues.Training));
        }
        catch (BackgroundJobClientException e)
        {
            if (created.IsNew)
            {
                Directory.Delete(runs.DirectoryOf(id), recursive: true);
            }
            throw new StorageUnavailableException($"the job storage is unreachable, so run '{id}' was not queued; retry when /api/health says ok ({e.GetBaseException().Message})", e);
        }
        CommandLog.RunQueued(logger, id, jobId, source);
        return runs.Update(id, r => r with { TrainingJobId = jobId });
    }

    /// <summary>Queues the evaluation of a trained run on the default queue.</summary>
    public RunRecord QueueEvaluation(string runId)
    {
        var job = jobs.Create<EvaluationJob>(j => j.RunAsync(runId, CancellationToken.None), new EnqueuedState(JobQueues.Default));
        return runs.Update(runId, r => r with { EvaluationJobId = job });
    }
}
