using Hangfire;

namespace ClipHost.Host.Jobs;

/// <summary>
/// The Hangfire job behind a training run: takes only the run id and sends one command, then queues the run's
/// evaluation when it has one. Hangfire's cancellation token reaches the trainer, which checks it between steps and
/// writes a checkpoint before stopping.
/// </summary>
public sealed class TrainingJob(IMediator mediator, RefusalRecorder refusals, RunSubmitter queue)
{
    [JobDisplayName("train {0}")]
    [AutomaticRetry(Attempts = 2, ExceptOn = [typeof(OptionsValidationFailedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await refusals.SendAsync(mediator, runId, new TrainRunCommand(runId), cancellationToken).ConfigureAwait(false);
        if (run.Status == RunStatus.Trained)
        {
            queue.QueueEvaluation(runId);
        }
    }
}
