namespace ClipHost.Host.Runs;

/// <summary>
/// The queue's side of a run's jobs, for the commands that must reach them (a cancellation deletes them, which fires
/// the running job's token on whichever host runs it). The service binds Hangfire; the CLI, which queues nothing,
/// binds <see cref="NoRunJobs"/>.
/// </summary>
public interface IRunJobs
{
    void Delete(string jobId);
}

/// <summary>A process without a queue: a run it knows of has no job here to delete.</summary>
public sealed class NoRunJobs : IRunJobs
{
    public void Delete(string jobId)
    {
    }
}
