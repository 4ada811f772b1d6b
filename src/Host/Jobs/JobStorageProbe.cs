using Hangfire;

namespace ClipHost.Host.Jobs;

/// <summary>
/// Asks the job storage one cheap question (a hash read) within a short deadline: what /api/health reports, since a
/// host whose storage is gone can neither queue nor hand out jobs however healthy its process looks.
/// </summary>
public sealed class JobStorageProbe(JobStorage storage)
{
    /// <summary>Long enough for a loaded database, short enough that a load balancer's health check does not time out first.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    /// <summary>Null when the storage answered; otherwise why not.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Off the request thread: the storage API is synchronous, and an unreachable server must not hold the caller past the deadline.
            await Task.Run(() =>
            {
                using var connection = storage.GetConnection();
                connection.GetAllEntriesFromHash("cliphost:health");
            }, cancellationToken).WaitAsync(Deadline, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (TimeoutException)
        {
            return $"no answer within {Deadline.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e.GetBaseException().Message;
        }
    }
}
