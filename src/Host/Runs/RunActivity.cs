using System.Diagnostics;

namespace ClipHost.Host.Runs;

/// <summary>Whether someone is working on a run now: a queued job of the service, or a live process on this machine.</summary>
public static class RunActivity
{
    /// <summary>What is working on the run ("training on host:pid", "queued as job 12"), or null when nothing is.</summary>
    public static string? Describe(RunRecord run)
    {
        if (run.Status is not (RunStatus.Queued or RunStatus.Training or RunStatus.Trained or RunStatus.Evaluating))
        {
            return null;
        }
        if (run.TrainingJobId is { } job)
        {
            // The service's queue owns it (a host that dies leaves the job to Hangfire, which hands it out again).
            return $"{run.Status.ToString().ToLowerInvariant()} in the service's queue (job {job})";
        }
        return run.Host is { } host && IsLiveProcessHere(host) ? $"{run.Status.ToString().ToLowerInvariant()} in process {host}" : null;
    }

    private static bool IsLiveProcessHere(string host)
    {
        var parts = host.Split(':');
        if (parts.Length != 2 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid))
        {
            return false;
        }
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
