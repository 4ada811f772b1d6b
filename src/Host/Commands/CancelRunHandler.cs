namespace ClipHost.Host.Commands;

/// <summary>
/// Deletes the run's jobs in Hangfire (a running job sees its cancellation token fire within Hangfire's check
/// interval, on whichever host runs it) and marks the record cancelled.
/// </summary>
public sealed class CancelRunHandler(RunStore runs, IRunJobs jobs, TimeProvider clock) : ICommandHandler<CancelRunCommand, RunRecord>
{
    public ValueTask<RunRecord> Handle(CancelRunCommand command, CancellationToken cancellationToken)
    {
        var record = runs.Update(command.RunId, r => r with { Status = RunStatus.Cancelled, FinishedAt = clock.GetUtcNow() });
        foreach (var job in new[] { record.TrainingJobId, record.EvaluationJobId }.OfType<string>())
        {
            jobs.Delete(job);
        }
        return ValueTask.FromResult(record);
    }
}
