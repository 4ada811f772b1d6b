using Hangfire;

namespace ClipHost.Host.Jobs;

/// <summary>The Hangfire job that evaluates a trained run into its own results; queued by its training job on the default queue.</summary>
public sealed class EvaluationJob(IMediator mediator, RefusalRecorder refusals)
{
    [JobDisplayName("evaluate {0}")]
    [AutomaticRetry(Attempts = 2, ExceptOn = [typeof(OptionsValidationFailedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(string runId, CancellationToken cancellationToken) =>
        refusals.SendAsync(mediator, runId, new EvaluateRunCommand(runId) { IntoRun = true }, cancellationToken);
}
