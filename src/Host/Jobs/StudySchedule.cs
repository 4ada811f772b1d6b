using ClipHost.Host.Options;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Jobs;

/// <summary>
/// Offers each study file in the studies folder as the recurring job "study:&lt;file name&gt;", started only by hand
/// ("Trigger now"); removes those whose file is gone. A file that does not parse is still listed: launching it reports
/// its field errors, where the person who pressed the button sees them.
/// </summary>
public sealed class StudySchedule(IRecurringJobManager recurring, JobStorage storage, IOptions<StudiesOptions> options) : IHostedService
{
    public const string Prefix = "study:";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.FullPath;
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>().Where(f => Engine.Paths.Identifier.IsValid(f)).ToList()
            : [];
        foreach (var file in files)
        {
            recurring.AddOrUpdate<StudyLauncherJob>(Prefix + Path.GetFileNameWithoutExtension(file), JobQueues.Default, j => j.LaunchAsync(file, CancellationToken.None),
                Cron.Never(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        using var connection = storage.GetConnection();
        var offered = files.Select(f => Prefix + Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal) && !offered.Contains(j.Id)))
        {
            recurring.RemoveIfExists(stale.Id);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
