namespace ClipHost.Host.Runs;

/// <summary>
/// Where a run is in its life: queued, training, trained (evaluations pending), evaluating, then one of the three ends.
/// A run stopped before its end with no job to resume it (the CLI was interrupted, or --stop-after-steps) is stopped:
/// submitting it again resumes it from its checkpoint.
/// </summary>
public enum RunStatus
{
    Queued,
    Training,
    Trained,
    Evaluating,
    Succeeded,
    Failed,
    Cancelled,
    Stopped,
}
