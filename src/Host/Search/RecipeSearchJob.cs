using ClipHost.Engine.Search;
using ClipHost.Host.Jobs;
using ClipHost.Host.Options;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Search;

/// <summary>
/// The Hangfire job that moves a search on, one short step at a time: it replays the search from its trials' runs,
/// queues the trials of the rung under way that have no job (each an ordinary training job any host takes, resumed
/// from its checkpoint if its host died), and schedules itself again; once the last rung is done it writes the answer
/// (<see cref="RecipeSearchFinisher"/>). It holds no state of its own, so a host killed during a step loses nothing:
/// the step runs again elsewhere and finds the same state on disk, and no finished trial is queued twice.
/// </summary>
public sealed class RecipeSearchJob(
    RecipeSearchStore searches, RunStore runs, RunSubmitter submitter, RecipeSearchFinisher finisher, IBackgroundJobClient jobs, IOptions<JobsOptions> options, TimeProvider clock)
{
    [JobDisplayName("advance search {0}")]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task<string> AdvanceAsync(string name, CancellationToken cancellationToken)
    {
        var (record, search) = searches.Load(name) ?? throw new InvalidOperationException($"search '{name}' has no record under {searches.Root}");
        if (record.FinishedAt is not null)
        {
            return "finished";
        }
        var (points, _) = RecipeSearchPlan.Points(search);
        var progress = RecipeSearchProgress.Replay(search, points, RecipeTrialOutcomes.Of(runs));
        if (progress.Stalled is { } why)
        {
            searches.Save(record with { Stalled = why, AdvanceJobId = null });
            return why;
        }
        if (progress.Winner is { } winner)
        {
            await finisher.FinishAsync(search, progress, cancellationToken).ConfigureAwait(false);
            searches.Save(record with { FinishedAt = clock.GetUtcNow(), AdvanceJobId = null });
            return $"finished: {winner.Cell}";
        }
        foreach (var trial in progress.Pending)
        {
            await submitter.SubmitAsync(trial.ExperimentJson, $"search:{name}", fresh: false, cancellationToken).ConfigureAwait(false);
        }
        var next = jobs.Schedule<RecipeSearchJob>(j => j.AdvanceAsync(name, CancellationToken.None), TimeSpan.FromSeconds(options.Value.SearchPollSeconds));
        searches.Save(record with { AdvanceJobId = next });
        return $"rung {progress.Rung}: {progress.Pending.Count} trials queued or training";
    }
}
