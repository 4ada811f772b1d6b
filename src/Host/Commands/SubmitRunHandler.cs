using System.Text.Json;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Training;
using ClipHost.Host.Jobs;
using ClipHost.Host.Runs;
using Hangfire;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ClipHost.Host.Commands;

/// <summary>
/// Gives the run its id, writes its record, then queues its training job; the job takes only the run id. The validator
/// held the name to what the id's suffix leaves of the identifier rule, and the store refuses any other id before it
/// makes a folder, so a refused submission leaves nothing on disk. When the job storage cannot take the job, the
/// record is removed again and the submission refused.
/// </summary>
public sealed class SubmitRunHandler(RunStore runs, IBackgroundJobClient jobs, TimeProvider clock, ILogger<SubmitRunHandler> logger)
    : ICommandHandler<SubmitRunCommand, RunRecord>
{
    public ValueTask<RunRecord> Handle(SubmitRunCommand command, CancellationToken cancellationToken)
    {
        var (config, _) = ExperimentValidator.Parse(command.ExperimentJson, "experiment", "the experiment");
        var now = clock.GetUtcNow();
        var id = RunIds.New(config!.Name, now);
        var record = new RunRecord
        {
            Id = id,
            Experiment = config.Name,
            Config = JsonSerializer.SerializeToElement(config with { Name = id }, ExperimentValidator.SerializerOptions),
            Source = command.Source,
            SubmittedAt = now,
            RunDirectory = runs.DirectoryOf(id),
        };
        runs.Save(record);
        string jobId;
        try
        {
            jobId = jobs.Create<TrainingJob>(j => j.RunAsync(id, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Training));
        }
        catch (BackgroundJobClientException e)
        {
            // Refused rather than kept for later: the caller learns now that nothing was queued and can retry, and no
            // record waits for a job that no host would create (several hosts could race to create it once storage is back).
            Directory.Delete(runs.DirectoryOf(id), recursive: true);
            throw new StorageUnavailableException($"the job storage is unreachable, so run '{id}' was not queued; retry when /api/health says ok ({e.GetBaseException().Message})", e);
        }
        record = runs.Update(id, r => r with { TrainingJobId = jobId });
        CommandLog.RunQueued(logger, id, jobId, command.Source);
        return ValueTask.FromResult(record);
    }
}
