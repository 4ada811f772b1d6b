using System.Globalization;
using System.Text.Json.Nodes;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Search;

/// <summary>
/// Successive halving over a search's space: the first rung trains a seeded sample of the space's points at the smallest
/// budget; each later rung trains the best 1/eta of the rung before at eta times its budget; the last rung's single
/// trial is trained at the full budget and is the recommended recipe. Every trial is an ordinary run whose name says its
/// rung and point, so a search resumed after a crash finds what it trained and trains nothing twice.
/// </summary>
public static class RecipeSearchPlan
{
    /// <summary>Every point of the space, as a study's cells (each the base with its values set).</summary>
    public static (IReadOnlyList<StudyCell> Points, IReadOnlyList<OptionError> Errors) Points(RecipeSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return StudyExpansion.Expand(new StudyDefinition(search.Name, search.Base, StudyCombine.Cross, search.Space));
    }

    /// <summary>The first rung's points: all of them when the space is small, else a sample drawn with the search's seed.</summary>
    public static IReadOnlyList<StudyCell> FirstRung(RecipeSearch search, IReadOnlyList<StudyCell> points)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count <= search.FirstRungTrials)
        {
            return points;
        }
        var order = Enumerable.Range(0, points.Count).ToArray();
        new Random(unchecked((int)(search.Seed ^ (search.Seed >>> 32)))).Shuffle(order);
        return [.. order.Take(search.FirstRungTrials).Order().Select(i => points[i])];
    }

    /// <summary>The trial of <paramref name="point"/> at <paramref name="rung"/>: its budget, the search's seed, the validation evaluations.</summary>
    public static RecipeTrial Trial(RecipeSearch search, StudyCell point, int rung)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(point);
        var config = JsonNode.Parse(point.ExperimentJson)!.AsObject();
        var runId = string.Create(CultureInfo.InvariantCulture, $"{search.Name}-r{rung}-{point.Cell}");
        config["name"] = runId;
        ConfigSweep.Set(config, "training.budget", new JsonObject { ["gflops"] = search.RungBudget(rung) });
        ConfigSweep.Set(config, "training.seed", search.Seed);
        config["evaluations"] = search.Validation.DeepClone();
        config.Remove("shifts");
        return new RecipeTrial(point.Cell, rung, runId, config.ToJsonString());
    }

    /// <summary>The trial's objective: the mean of the objective's metrics, or null while any is missing.</summary>
    public static double? Objective(RecipeSearch search, IReadOnlyDictionary<string, double>? metrics)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (metrics is null || search.Objective.Any(m => !metrics.ContainsKey(m)))
        {
            return null;
        }
        return search.Objective.Average(m => metrics[m]);
    }

    /// <summary>The points promoted from a finished rung: the best ceil(n / eta) by objective, ties by point name.</summary>
    public static IReadOnlyList<string> Promote(RecipeSearch search, IReadOnlyList<(string Cell, double Objective)> rung)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(rung);
        var keep = Math.Max(1, (int)Math.Ceiling(rung.Count / (double)search.Eta));
        return [.. rung.OrderByDescending(t => t.Objective).ThenBy(t => t.Cell, StringComparer.Ordinal).Take(keep).Select(t => t.Cell)];
    }
}
