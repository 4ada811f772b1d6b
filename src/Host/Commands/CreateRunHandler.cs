using ClipHost.Engine.Experiments;

namespace ClipHost.Host.Commands;

/// <summary>
/// The run of an experiment is named after it. A new name makes a new record (atomically: of two submissions of one
/// name, one makes it). The same config again takes up the existing run: nothing to do when it succeeded, the same
/// record when a job or a live process is on it, otherwise queued again to resume from its checkpoint. Another config
/// under the same name is a conflict unless the submission asks for a fresh start, which discards the old run.
/// </summary>
public sealed class CreateRunHandler(RunStore runs, TimeProvider clock, ILogger<CreateRunHandler> logger) : ICommandHandler<CreateRunCommand, CreatedRun>
{
    public ValueTask<CreatedRun> Handle(CreateRunCommand command, CancellationToken cancellationToken)
    {
        var config = ExperimentChecks.Parse(command.ExperimentJson);
        var id = config.Name;
        var existing = runs.GetSettled(id);
        if (existing is null && Directory.Exists(runs.DirectoryOf(id)) && !command.Fresh && !ClearedUnfinished(id))
        {
            throw new RunConflictException($"{runs.DirectoryOf(id)} exists and is not a run (no readable run.json or config.json); move it away, choose another name, or start it fresh");
        }
        if (existing is not null && (command.Fresh || ConfigHash.Of(RunConfig.Of(existing)) != ConfigHash.Of(config)))
        {
            if (!command.Fresh)
            {
                throw new RunConflictException($"run '{id}' exists under {runs.Root} with a different config; start it again with --fresh (\"fresh\": true over the API) or choose another name");
            }
            if (RunActivity.Describe(existing) is { } busy)
            {
                throw new RunConflictException($"run '{id}' is {busy}; cancel it or wait for it to end before starting it fresh");
            }
            existing = null;
        }
        if (existing is null && command.Fresh && Directory.Exists(runs.DirectoryOf(id)))
        {
            Directory.Delete(runs.DirectoryOf(id), recursive: true);
        }
        if (existing is null)
        {
            var record = New(config, command.Source);
            if (runs.TryCreate(record))
            {
                CommandLog.RunCreated(logger, id, command.Source);
                return ValueTask.FromResult(new CreatedRun(record, IsNew: true, NeedsTraining: true));
            }
            // Another submission of the same name made it a moment ago: take that one up as any existing run.
            existing = runs.Get(id)!;
        }
        return ValueTask.FromResult(TakeUp(existing));
    }

    // A process killed while it created this run's record left its folder empty or with the record's temporary file.
    private bool ClearedUnfinished(string id)
    {
        if (!runs.TryClearUnfinishedCreation(id))
        {
            return false;
        }
        CommandLog.UnfinishedRunCleared(logger, id);
        return true;
    }

    private CreatedRun TakeUp(RunRecord existing)
    {
        if (existing.Status == RunStatus.Succeeded || RunActivity.Describe(existing) is not null)
        {
            return new CreatedRun(existing, IsNew: false, NeedsTraining: false);
        }
        var queued = runs.Update(existing.Id, r => r with { Status = RunStatus.Queued, Error = null, FinishedAt = null, TrainingJobId = null, EvaluationJobId = null });
        return new CreatedRun(queued, IsNew: false, NeedsTraining: true);
    }

    private RunRecord New(ExperimentConfig config, string source) => new()
    {
        Id = config.Name,
        Experiment = config.Name,
        Config = JsonSerializer.SerializeToElement(config, ExperimentJson.Options),
        Source = source,
        SubmittedAt = clock.GetUtcNow(),
        RunDirectory = runs.DirectoryOf(config.Name),
    };
}
