namespace ClipHost.Host.Jobs;

/// <summary>
/// Hangfire queues: training gets one worker per device, so two trainings never share a GPU; imports, filters and
/// evaluations share the default queue.
/// </summary>
public static class JobQueues
{
    public const string Training = "training";
    public const string Default = "default";
}
