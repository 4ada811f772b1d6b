using ClipHost.Engine.Search;
using ClipHost.Engine.Studies;

namespace ClipHost.Host.Search;

/// <summary>A trial of the rung under way: its run's status, or "not submitted" before the search's next step queues it.</summary>
public sealed record RecipeTrialStatus(string RunId, string Cell, string Status);

/// <summary>
/// A search as GET /api/recipes/searches/{name} and `recipe status` show it, replayed from its trials' runs: the rung
/// under way and its trials, every finished trial with its spend and validation objective, the compute spent against
/// the budget (the prepare steps' runs included), and once finished the winner and the report.
/// </summary>
public sealed record RecipeSearchStatus(
    string Name,
    string Source,
    DateTimeOffset SubmittedAt,
    double BudgetGflops,
    int Eta,
    int Rungs,
    int Points,
    int Rung,
    IReadOnlyList<RecipeTrialStatus> Pending,
    IReadOnlyList<RecipeTrialRow> Trials,
    RecipeSearchCompute Compute,
    string? Winner,
    bool Finished,
    string? Stalled,
    string? Report)
{
    public static RecipeSearchStatus Of(RecipeSearchRecord record, RecipeSearch search, RunStore runs, RecipeSearchStore searches)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(searches);
        var (points, _) = RecipeSearchPlan.Points(search);
        var progress = RecipeSearchProgress.Replay(search, points, RecipeTrialOutcomes.Of(runs));
        var pending = progress.Pending.Select(t => new RecipeTrialStatus(t.RunId, t.Label, runs.Get(t.RunId)?.Status.ToString().ToLowerInvariant() ?? "not submitted")).ToList();
        var report = Path.Combine(searches.DirectoryOf(search.Name), "report.md");
        var finished = record.FinishedAt is not null && File.Exists(report);
        return new RecipeSearchStatus(search.Name, record.Source, record.SubmittedAt, search.BudgetGflops, search.Eta, search.Rungs, points.Count, progress.Rung,
            pending, progress.Rows, Spent(search, progress, runs), progress.Winner?.Cell, finished, record.Stalled ?? progress.Stalled,
            finished ? File.ReadAllText(report) : null);
    }

    /// <summary>The trials' training and the prepare steps' runs (the teachers), as the report counts them.</summary>
    public static RecipeSearchCompute Spent(RecipeSearch search, RecipeSearchProgress progress, RunStore runs)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(progress);
        var prepared = search.Prepare.OfType<TrainRunStep>().Select(s => RecipeTrialOutcomes.Spent(runs, StudyPrepare.RunId(search.Name, s))).OfType<double>().ToList();
        var trials = progress.Rows.Where(r => r.TrainingGflops is not null).ToList();
        return new RecipeSearchCompute(trials.Sum(r => r.TrainingGflops!.Value), trials.Count, prepared.Sum(), prepared.Count, search.BudgetGflops);
    }
}
