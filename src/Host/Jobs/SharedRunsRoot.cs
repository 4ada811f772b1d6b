using System.Security.Cryptography;
using ClipHost.Engine.Paths;
using Hangfire;

namespace ClipHost.Host.Jobs;

/// <summary>
/// Hosts that share a PostgreSQL queue must share the runs root too: a job one host queues may run on another, and each
/// lists runs from its own folder. At start each host leaves a marker (a random token) in its runs root and the same
/// token in the job storage; a host that cannot see the marker of another live host in its own runs root says so
/// (an error in the log, and in /api/health) instead of serving an index that misses runs.
/// </summary>
public sealed class SharedRunsRoot(JobStorage storage, DataLayout layout, ILogger<SharedRunsRoot> logger) : IHostedService
{
    private const string HostsSet = "cliphost:runs-root-hosts";
    private readonly string _self = $"{Environment.MachineName}:{Environment.ProcessId}";
    private readonly string _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Null while every live host's marker is here; else which host's runs root differs.</summary>
    public string? Problem { get; private set; }

    private string Markers => Path.Combine(layout.Runs, ".hosts");

    private static string HashOf(string host) => $"cliphost:runs-root:{host}";

    private string MarkerOf(string host) => Path.Combine(Markers, host.Replace(':', '-') + ".marker");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Markers);
        File.WriteAllText(MarkerOf(_self), _token);
        using var connection = storage.GetConnection();
        using (var write = connection.CreateWriteTransaction())
        {
            write.AddToSet(HostsSet, _self);
            write.Commit();
        }
        connection.SetRangeInHash(HashOf(_self), [new("token", _token), new("root", layout.Runs)]);
        var live = storage.GetMonitoringApi().Servers().Select(s => string.Join(':', s.Name.Split(':').Take(2))).ToHashSet(StringComparer.Ordinal);
        var unseen = connection.GetAllItemsFromSet(HostsSet).Where(h => h != _self && live.Contains(h))
            .Select(h => (Host: h, Entry: connection.GetAllEntriesFromHash(HashOf(h))))
            .Where(h => h.Entry is not null && h.Entry.TryGetValue("token", out var token) && !MarkerHolds(h.Host, token))
            .ToList();
        if (unseen.Count > 0)
        {
            Problem = string.Join("; ", unseen.Select(h => $"Runs:Root {layout.Runs} is not the runs root of host {h.Host} ({h.Entry!.GetValueOrDefault("root")}): its marker is not here"))
                + ". Hosts on one queue must mount one runs root (shared storage), or runs trained on one are missing from the other's index";
            JobLog.RunsRootNotShared(logger, Problem);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        File.Delete(MarkerOf(_self));
        try
        {
            using var connection = storage.GetConnection();
            using var write = connection.CreateWriteTransaction();
            write.RemoveFromSet(HostsSet, _self);
            write.RemoveHash(HashOf(_self));
            write.Commit();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The storage is down at shutdown: the entry stays, and is ignored once this host's servers stop beating.
        }
        return Task.CompletedTask;
    }

    private bool MarkerHolds(string host, string token)
    {
        var marker = MarkerOf(host);
        return File.Exists(marker) && File.ReadAllText(marker) == token;
    }
}
