using ClipHost.Engine.Search;
using ClipHost.Host.Jobs;
using Hangfire;
using Hangfire.States;

namespace ClipHost.Host.Search;

/// <summary>
/// How the service (and a CLI on the service's PostgreSQL) runs a search: every point checked as a first-rung trial,
/// the search recorded in its self-contained form, then its advance job queued (<see cref="RecipeSearchJob"/>), which
/// queues each rung's trials as ordinary training jobs that every host on the queue takes from. Sending the same search
/// again is harmless: it finds the record and queues one more advance, which trains nothing that finished.
/// </summary>
public sealed class RecipeSearchSubmitter(
    RecipeSearchStore searches, RunStore runs, IEnumerable<ICommandValidator<CreateRunCommand>> validators, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>Refuses (OptionsValidationFailedException naming the field) or records and queues the search; returns its status.</summary>
    public RecipeSearchStatus Submit(string json, RecipeSearch search, string source)
    {
        ArgumentNullException.ThrowIfNull(search);
        var refused = RecipeSearchChecks.Refusals(search, validators, source);
        if (refused.Count > 0 && search.Prepare.Count > 0)
        {
            // The usual cause: the search was sent before the stores and teacher runs its prepare steps make existed.
            refused.Insert(0, new OptionError("prepare", $"this search prepares {search.Prepare.Count} things its trials need (stores, teacher runs); `clip-host recipe search` on a host sharing this data root makes them first, then the search can be sent here"));
        }
        if (refused.Count > 0)
        {
            throw new OptionsValidationFailedException(refused);
        }
        var record = searches.Claim(json, search, source, clock.GetUtcNow());
        string job;
        try
        {
            job = jobs.Create<RecipeSearchJob>(j => j.AdvanceAsync(search.Name, CancellationToken.None), new EnqueuedState(JobQueues.Default));
        }
        catch (BackgroundJobClientException e)
        {
            throw new StorageUnavailableException($"the job storage is unreachable, so search '{search.Name}' was not queued; retry when /api/health says ok ({e.GetBaseException().Message})", e);
        }
        searches.Save(record with { AdvanceJobId = job, Stalled = null });
        return RecipeSearchStatus.Of(record, search, runs, searches);
    }
}
