using ClipHost.Abstractions.Options;
using ClipHost.Host.Runs;

namespace ClipHost.Host.Jobs;

/// <summary>When a queued job's command is refused (its config no longer validates), the run's record says why.</summary>
public sealed class RefusalRecorder(RunStore runs, TimeProvider clock)
{
    public void Record(string runId, OptionsValidationFailedException refusal)
    {
        if (runs.Get(runId) is { Finished: false })
        {
            runs.Update(runId, r => r with { Status = RunStatus.Failed, Error = string.Join("; ", refusal.Errors), FinishedAt = clock.GetUtcNow() });
        }
    }
}
