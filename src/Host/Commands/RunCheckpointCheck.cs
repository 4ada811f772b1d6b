using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Commands;

/// <summary>What the commands that read a run's checkpoint check first: the run exists and so does the checkpoint (the latest, or the step's).</summary>
public static class RunCheckpointCheck
{
    public static OptionError? Error(RunStore runs, string runId, long? step)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return !Identifier.IsValid(runId) || runs.Get(runId) is null
            ? new OptionError("run", $"no run '{runId}' under {runs.Root}")
            : RunCheckpoints.Find(runs.DirectoryOf(runId), step).Error;
    }
}
