using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Search;

/// <summary>
/// Where a search stands, replayed from its trials' runs: the rows of every finished trial, the rung under way and its
/// trials still to train (<see cref="Pending"/>), and once the last rung is done the <see cref="Winner"/>. Because it is
/// read from the runs alone, every host (and the CLI after a crash) computes the same state, and a trial that finished
/// is never trained again. The incumbent (<see cref="RecipeSearchPlan.Incumbent"/>) trains in every rung while it
/// finishes with its objective, is never counted among the promoted, and stays the winner unless a trial beats it at the
/// full budget. With <see cref="RecipeSearch.FinalSeeds"/> above one, the last rung ranks each point by its seeds' mean.
/// </summary>
public sealed record RecipeSearchProgress(
    IReadOnlyList<RecipeTrialRow> Rows,
    int Rung,
    IReadOnlyList<RecipeTrial> Pending,
    RecipeTrial? Winner,
    string? Stalled)
{
    /// <summary>Replays successive halving over the outcomes <paramref name="outcome"/> gives for each trial's run id (null: no run yet).</summary>
    public static RecipeSearchProgress Replay(RecipeSearch search, IReadOnlyList<StudyCell> points, Func<string, RecipeTrialOutcome?> outcome)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(outcome);
        var rows = new List<RecipeTrialRow>();
        var incumbent = RecipeSearchPlan.Incumbent(search, points);
        var current = RecipeSearchPlan.FirstRung(search, points).ToList();
        if (incumbent is not null && !current.Any(p => p.Cell == incumbent.Cell))
        {
            current.Add(incumbent);
        }
        for (var rung = 0; ; rung++)
        {
            var trials = current.SelectMany(p => RecipeSearchPlan.Trials(search, p, rung).Select(t => (Point: p, Trial: t))).Select(t => (t.Point, t.Trial, Outcome: outcome(t.Trial.RunId))).ToList();
            var pending = trials.Where(t => t.Outcome is not { Finished: true }).Select(t => t.Trial).ToList();
            var finished = trials.Where(t => t.Outcome is { Finished: true }).ToList();
            var start = rows.Count;
            rows.AddRange(finished.Select(t => new RecipeTrialRow(rung, t.Trial.Cell, t.Trial.RunId, search.RungBudget(rung), t.Outcome!.TrainingGflops,
                RecipeSearchPlan.Objective(search, t.Outcome.Metrics), false, t.Point.Values) { Incumbent = t.Point.Cell == incumbent?.Cell, Seed = t.Trial.SeedIndex }));
            if (pending.Count > 0)
            {
                return new RecipeSearchProgress(rows, rung, pending, null, null);
            }
            // A point's objective is the mean over its seeds that finished with one (one seed but in the last rung).
            var results = rows.Skip(start).Where(r => r.Objective is not null).GroupBy(r => r.Cell, StringComparer.Ordinal)
                .Select(g => (Cell: g.Key, Objective: g.Average(r => r.Objective!.Value))).ToList();
            if (results.Count == 0)
            {
                return new RecipeSearchProgress(rows, rung, [], null, $"no trial of rung {rung} finished with its objective (every one failed or lacks a metric of the objective)");
            }
            if (rung == search.Rungs - 1)
            {
                // The best at the full budget, the incumbent winning ties: a trial must beat the base to replace it.
                var top = results.Max(r => r.Objective);
                var best = results.Any(r => r.Cell == incumbent?.Cell && r.Objective == top) ? incumbent!.Cell : RecipeSearchPlan.Promote(results, 1)[0];
                // The winner's run is its first seed that finished with an objective: the model the test splits evaluate.
                var winner = rows.Skip(start).Where(r => r.Cell == best && r.Objective is not null).MinBy(r => r.Seed)!;
                return new RecipeSearchProgress(rows, rung, [], trials.Single(t => t.Trial.RunId == winner.RunId).Trial, null);
            }
            var challengers = results.Where(r => r.Cell != incumbent?.Cell).ToList();
            var promoted = RecipeSearchPlan.Promote(challengers, RecipeSearchPlan.Keep(search, challengers.Count, rung + 1)).ToHashSet(StringComparer.Ordinal);
            for (var i = start; i < rows.Count; i++)
            {
                rows[i] = promoted.Contains(rows[i].Cell) ? rows[i] with { Promoted = true } : rows[i];
            }
            promoted.UnionWith(results.Where(r => r.Cell == incumbent?.Cell).Select(r => r.Cell));
            current = [.. current.Where(p => promoted.Contains(p.Cell))];
        }
    }
}
