namespace ClipHost.Host.Runs;

/// <summary>Where a run is in its life: queued, training, evaluating, then one of the three ends.</summary>
public enum RunStatus
{
    Queued,
    Training,
    Evaluating,
    Succeeded,
    Failed,
    Cancelled,
}
