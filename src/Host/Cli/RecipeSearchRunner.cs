using ClipHost.Engine.Search;
using ClipHost.Engine.Studies;
using ClipHost.Host.Commands;
using ClipHost.Host.Search;

namespace ClipHost.Host.Cli;

/// <summary>
/// Runs a recipe search in this process: its prepare steps, then, as the service's job does, the search replayed from
/// its trials' runs (<see cref="RecipeSearchProgress"/>) and the trials still to train trained here, through `train`'s
/// path (a trial that finished is not trained again, one that stopped resumes), until the last rung has a winner; then
/// the same answer the service writes (<see cref="RecipeSearchFinisher"/>).
/// </summary>
public static class RecipeSearchRunner
{
    public static async Task<int> RunAsync(IServiceProvider s, string json, RecipeSearch search, CancellationToken ct)
    {
        var (points, expansion) = RecipeSearchPlan.Points(search);
        if (expansion.Count > 0)
        {
            return CommandRunner.Refuse(expansion);
        }
        // The prepare steps first (stores, teachers the points name), then every point checked at the first rung's
        // budget before any trial trains.
        var prepared = await StudyPreparer.RunAsync(s, new StudyDefinition(search.Name, search.Base, StudyCombine.Cross, search.Space) { Prepare = search.Prepare }, ct).ConfigureAwait(false);
        if (prepared != 0)
        {
            return prepared;
        }
        if (RecipeSearchChecks.Refusals(search, s.GetServices<ICommandValidator<CreateRunCommand>>(), "search") is { Count: > 0 } refused)
        {
            return CommandRunner.Refuse(refused);
        }
        var runs = s.GetRequiredService<RunStore>();
        var searches = s.GetRequiredService<RecipeSearchStore>();
        if (Claim(searches, json, search) is not { } record)
        {
            return ImportRunner.BadInput;
        }
        var sizes = RecipeSearchPlan.RungSizes(search, points);
        var planned = sizes.Select((n, r) => n * search.RungBudget(r)).Sum();
        Console.WriteLine($"search {search.Name}: {points.Count} points, trials per rung {string.Join(" -> ", sizes)}{(search.Incumbent ? " (the base recipe in each)" : string.Empty)}, {search.Rungs} rungs of x{search.Eta}, final budget {search.BudgetGflops:N0} GFLOPs, trials planned at {planned:N0} GFLOPs ({planned / search.BudgetGflops:F1} x the budget)");
        while (true)
        {
            var progress = RecipeSearchProgress.Replay(search, points, RecipeTrialOutcomes.Of(runs));
            if (progress.Stalled is { } why)
            {
                searches.Save(record with { Stalled = why });
                Console.Error.WriteLine($"search {search.Name}: {why}");
                return 1;
            }
            if (progress.Winner is not null)
            {
                var exit = await FinishAsync(s, search, progress, ct).ConfigureAwait(false);
                if (exit == 0)
                {
                    searches.Save(record with { FinishedAt = DateTimeOffset.UtcNow });
                }
                return exit;
            }
            foreach (var trial in progress.Pending)
            {
                Console.WriteLine($"== rung {trial.Rung}: {trial.Cell} (run {trial.RunId}, {search.RungBudget(trial.Rung):N0} GFLOPs)");
                var exit = await TrainCommand.TrainOneAsync(s, trial.ExperimentJson, new TrainCommand.TrainRequest(Fresh: false, Evaluate: true, null, $"search:{search.Name}"), ct).ConfigureAwait(false);
                // A trial that failed is finished (without an objective); one refused or stopped ends the search here,
                // and `recipe search` again resumes it.
                if (exit != 0 && RecipeTrialOutcomes.Of(runs)(trial.RunId) is not { Finished: true })
                {
                    return exit;
                }
            }
        }
    }

    /// <summary>The search's record, so `recipe status` follows it; null (refused on the console) when the name is another search's.</summary>
    private static RecipeSearchRecord? Claim(RecipeSearchStore searches, string json, RecipeSearch search)
    {
        try
        {
            var record = searches.Claim(json, search, "cli", DateTimeOffset.UtcNow) with { Stalled = null };
            searches.Save(record);
            return record;
        }
        catch (RunConflictException e)
        {
            CommandRunner.Refuse([e.Error]);
            return null;
        }
    }

    private static async Task<int> FinishAsync(IServiceProvider s, RecipeSearch search, RecipeSearchProgress progress, CancellationToken ct)
    {
        try
        {
            var report = await s.GetRequiredService<RecipeSearchFinisher>().FinishAsync(search, progress, ct).ConfigureAwait(false);
            Console.WriteLine(report);
            Console.WriteLine($"recommended recipe: {Path.Combine(s.GetRequiredService<RecipeSearchStore>().DirectoryOf(search.Name), "recommended.json")}");
            return 0;
        }
        catch (OptionsValidationFailedException e)
        {
            return CommandRunner.Refuse(e.Errors);
        }
    }
}
