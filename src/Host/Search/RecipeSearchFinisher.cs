using System.Text.Json.Nodes;
using ClipHost.Engine.Search;
using ClipHost.Reports;

namespace ClipHost.Host.Search;

/// <summary>
/// The end of a search, one implementation for the CLI and the service's job: the winner's recipe with the base's own
/// evaluations written as recommended.json, the winner evaluated once on them (the test splits, never used to rank),
/// and report.md. Run again, it writes the same files: every step reads what is on disk.
/// </summary>
public sealed class RecipeSearchFinisher(IMediator mediator, RecipeSearchStore searches, RunStore runs)
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the search's answer; returns the report. Refusals of the evaluation surface as the command's exception.</summary>
    public async Task<string> FinishAsync(RecipeSearch search, RecipeSearchProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(progress);
        var winner = progress.Winner ?? throw new InvalidOperationException($"search '{search.Name}' has no winner yet");
        var folder = searches.DirectoryOf(search.Name);
        Directory.CreateDirectory(folder);
        var recipe = JsonNode.Parse(winner.ExperimentJson)!.AsObject();
        recipe["evaluations"] = search.Base["evaluations"]?.DeepClone() ?? new JsonArray();
        if (search.Base["shifts"] is { } shifts)
        {
            recipe["shifts"] = shifts.DeepClone();
        }
        var recommended = (JsonObject)recipe.DeepClone();
        recommended["name"] = $"{search.Name}-recommended";
        await File.WriteAllTextAsync(Path.Combine(folder, "recommended.json"), recommended.ToJsonString(Indented), ct).ConfigureAwait(false);
        var evaluation = await mediator.Send(new EvaluateRunCommand(winner.RunId) { ConfigJson = recipe.ToJsonString(), Output = Path.Combine(folder, "test") }, ct).ConfigureAwait(false);
        var test = evaluation.Results.SelectMany(r => r.Metrics.Select(m => ($"{r.Dataset}/{r.Task}/{m.Key}", m.Value))).ToDictionary(p => p.Item1, p => p.Value);
        var report = RecipeSearchReport.Markdown(search.Name, RecipeSearchStatus.Spent(search, progress, runs), search.Objective, progress.Rows, winner.Cell, test)
            + Prediction(search, progress, winner.RunId);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), report, ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>The paper's prediction for the winner's regime: its samples seen (compute.json) over its training pairs (its subset record).</summary>
    private string Prediction(RecipeSearch search, RecipeSearchProgress progress, string runId)
    {
        var folder = runs.DirectoryOf(runId);
        var samples = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "compute.json")))?["samplesSeen"]?.GetValue<long>() ?? 0;
        var subset = Path.Combine(folder, "subset", "subset.json");
        var pairs = File.Exists(subset) ? JsonNode.Parse(File.ReadAllText(subset))?["ids"]?.AsArray().Count ?? 0 : 0;
        var chosen = progress.Rows.Single(r => r.RunId == runId).Values;
        var paths = search.Space.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Levels.SelectMany(l => l.Sets.Select(s => s.Key)).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);
        return PaperPrediction.Markdown(chosen, paths, samples, pairs);
    }
}
