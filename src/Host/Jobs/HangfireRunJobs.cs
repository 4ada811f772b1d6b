using Hangfire;

namespace ClipHost.Host.Jobs;

/// <summary>A run's jobs in Hangfire's storage, shared by every host on it.</summary>
public sealed class HangfireRunJobs(IBackgroundJobClient jobs) : IRunJobs
{
    public void Delete(string jobId) => jobs.Delete(jobId);
}
