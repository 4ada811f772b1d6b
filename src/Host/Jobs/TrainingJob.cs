using ClipHost.Abstractions.Options;
using ClipHost.Host.Commands;
using Hangfire;
using Mediator;

namespace ClipHost.Host.Jobs;

/// <summary>
/// The Hangfire job behind a training run: takes only the run id and sends one command. Hangfire's cancellation
/// token reaches the trainer, which checks it between steps and writes a checkpoint before stopping.
/// </summary>
public sealed class TrainingJob(IMediator mediator, RefusalRecorder refusals)
{
    [JobDisplayName("train {0}")]
    [AutomaticRetry(Attempts = 2, ExceptOn = [typeof(OptionsValidationFailedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(string runId, CancellationToken cancellationToken) =>
        refusals.SendAsync(mediator, runId, new TrainRunCommand(runId), cancellationToken);
}
