using System.Text.Json.Nodes;
using ClipHost.Engine.Search;

namespace ClipHost.Host.Search;

/// <summary>How a search reads its trials from the run store: finished once the run succeeded, failed or was cancelled.</summary>
public static class RecipeTrialOutcomes
{
    public static Func<string, RecipeTrialOutcome?> Of(RunStore runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return id => runs.Get(id) is { } run
            ? new RecipeTrialOutcome(run.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled, run.Metrics, Spent(runs, id))
            : null;
    }

    /// <summary>A run's training GFLOPs from its compute.json; null before it has one.</summary>
    public static double? Spent(RunStore runs, string runId)
    {
        var path = Path.Combine(runs.DirectoryOf(runId), "compute.json");
        try
        {
            return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path))?["trainingGflops"] is JsonValue v && v.TryGetValue<double>(out var g) ? g : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
