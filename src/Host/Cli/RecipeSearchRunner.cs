using System.Text.Json;
using System.Text.Json.Nodes;
using ClipHost.Engine.Search;
using ClipHost.Engine.Studies;
using ClipHost.Host.Commands;
using ClipHost.Host.Runs;
using ClipHost.Reports;

namespace ClipHost.Host.Cli;

/// <summary>
/// Runs a recipe search here: its prepare steps, then rung by rung the trials (through `train`'s path, so a trial that
/// finished is not trained again and one that stopped resumes), promotions by validation objective, and the winner's
/// one evaluation on the base's test evaluations.
/// </summary>
public static class RecipeSearchRunner
{
    public static async Task<int> RunAsync(IServiceProvider s, RecipeSearch search, CancellationToken ct)
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
        var validators = s.GetServices<ICommandValidator<CreateRunCommand>>().ToList();
        var refused = points.SelectMany(p => validators.SelectMany(v => v.Validate(new CreateRunCommand(RecipeSearchPlan.Trial(search, p, 0).ExperimentJson, "search")))
            .Select(e => e with { Field = $"{p.Cell}: {e.Field}" })).ToList();
        if (refused.Count > 0)
        {
            return CommandRunner.Refuse(refused);
        }
        var runs = s.GetRequiredService<RunStore>();
        var rows = new List<RecipeTrialRow>();
        var current = RecipeSearchPlan.FirstRung(search, points);
        Console.WriteLine($"search {search.Name}: {points.Count} points, {current.Count} trials in the first rung, {search.Rungs} rungs of x{search.Eta}, final budget {search.BudgetGflops:N0} GFLOPs");
        for (var rung = 0; ; rung++)
        {
            var (results, exit) = await TrainRungAsync(s, search, runs, current, rung, rows, ct).ConfigureAwait(false);
            if (exit == 130)
            {
                return exit;
            }
            if (results.Count == 0)
            {
                Console.Error.WriteLine($"rung {rung}: no trial finished with its objective; `recipe search` again resumes them");
                return 1;
            }
            // Ranked as promotions are (best first, ties by name): the last rung's first is the recommended recipe.
            var ranked = RecipeSearchPlan.Promote(search, results);
            if (rung == search.Rungs - 1)
            {
                var winner = RecipeSearchPlan.Trial(search, current.Single(p => p.Cell == ranked[0]), rung);
                return await FinishAsync(s, search, runs, rows, winner, ct).ConfigureAwait(false);
            }
            var promoted = ranked.ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i] = rows[i].Rung == rung && promoted.Contains(rows[i].Cell) ? rows[i] with { Promoted = true } : rows[i];
            }
            current = [.. current.Where(p => promoted.Contains(p.Cell))];
        }
    }

    /// <summary>Trains one rung's trials in turn (each skipped when finished), adding their rows; exit 130 when stopped.</summary>
    private static async Task<(List<(string Cell, double Objective)> Results, int Exit)> TrainRungAsync(
        IServiceProvider s, RecipeSearch search, RunStore runs, IReadOnlyList<StudyCell> current, int rung, List<RecipeTrialRow> rows, CancellationToken ct)
    {
        var results = new List<(string Cell, double Objective)>();
        foreach (var point in current)
        {
            var trial = RecipeSearchPlan.Trial(search, point, rung);
            Console.WriteLine($"== rung {rung}: {trial.Cell} (run {trial.RunId}, {search.RungBudget(rung):N0} GFLOPs)");
            var exit = await TrainCommand.TrainOneAsync(s, trial.ExperimentJson, new TrainCommand.TrainRequest(Fresh: false, Evaluate: true, null, $"search:{search.Name}"), ct).ConfigureAwait(false);
            if (exit == 130)
            {
                return (results, exit);
            }
            var objective = RecipeSearchPlan.Objective(search, runs.Get(trial.RunId)?.Metrics);
            if (objective is { } o)
            {
                results.Add((trial.Cell, o));
            }
            rows.Add(new RecipeTrialRow(rung, trial.Cell, trial.RunId, search.RungBudget(rung), Spent(runs, trial.RunId), objective, false, point.Values));
        }
        return (results, 0);
    }

    private static async Task<int> FinishAsync(IServiceProvider s, RecipeSearch search, RunStore runs, List<RecipeTrialRow> rows, RecipeTrial winner, CancellationToken ct)
    {
        var folder = Path.Combine(runs.Root, ".searches", search.Name);
        Directory.CreateDirectory(folder);
        // The winner's recipe with the base's own evaluations: what the user trains, and what the test evaluation reads.
        var recipe = JsonNode.Parse(winner.ExperimentJson)!.AsObject();
        recipe["evaluations"] = search.Base["evaluations"]?.DeepClone() ?? new JsonArray();
        if (search.Base["shifts"] is { } shifts)
        {
            recipe["shifts"] = shifts.DeepClone();
        }
        var recommended = (JsonObject)recipe.DeepClone();
        recommended["name"] = $"{search.Name}-recommended";
        await File.WriteAllTextAsync(Path.Combine(folder, "recommended.json"), recommended.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct).ConfigureAwait(false);
        var (evaluation, exit) = await CommandRunner.SendAsync(s, new EvaluateRunCommand(winner.RunId) { ConfigJson = recipe.ToJsonString(), Output = Path.Combine(folder, "test") }, ct).ConfigureAwait(false);
        if (evaluation is null)
        {
            return exit;
        }
        var test = evaluation.Results.SelectMany(r => r.Metrics.Select(m => ($"{r.Dataset}/{r.Task}/{m.Key}", m.Value))).ToDictionary(p => p.Item1, p => p.Value);
        var report = RecipeSearchReport.Markdown(search.Name, search.BudgetGflops, search.Objective, rows, winner.Cell, test);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), report, ct).ConfigureAwait(false);
        Console.WriteLine(report);
        Console.WriteLine($"recommended recipe: {Path.Combine(folder, "recommended.json")}");
        return 0;
    }

    private static double? Spent(RunStore runs, string runId)
    {
        var path = Path.Combine(runs.DirectoryOf(runId), "compute.json");
        return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path))?["trainingGflops"] is JsonValue v && v.TryGetValue<double>(out var g) ? g : null;
    }
}
