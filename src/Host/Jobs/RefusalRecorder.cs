namespace ClipHost.Host.Jobs;

/// <summary>When a queued job's command is refused (its config no longer validates), the run's record says why.</summary>
public sealed class RefusalRecorder(RunStore runs, TimeProvider clock)
{
    /// <summary>Sends a run's command; a refusal fails the run's record with the reasons, then the job.</summary>
    public async Task<TResponse> SendAsync<TResponse>(Mediator.IMediator mediator, string runId, Mediator.ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(command, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationFailedException e)
        {
            Record(runId, e);
            throw;
        }
    }

    public void Record(string runId, OptionsValidationFailedException refusal)
    {
        if (runs.Get(runId) is { Finished: false })
        {
            runs.Update(runId, r => r with { Status = RunStatus.Failed, Error = string.Join("; ", refusal.Errors), FinishedAt = clock.GetUtcNow() });
        }
    }
}
