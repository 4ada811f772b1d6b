using System.Globalization;
using System.Text.Json.Nodes;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Search;

/// <summary>
/// Successive halving over a search's space: the first rung trains a balanced, seeded sample of the space's points at
/// the smallest budget; each later rung trains the best 1/eta of the rung before at eta times its budget, and the last
/// at least two, at the full budget. The incumbent (the base recipe) trains in every rung and is never dropped, so the
/// recommendation is the base unless a trial beats it where it counts: on validation at the full budget. Every trial is
/// an ordinary run whose name says its rung and point, so a search resumed after a crash finds what it trained and
/// trains nothing twice.
/// </summary>
public static class RecipeSearchPlan
{
    /// <summary>Every point of the space, as a study's cells (each the base with its values set).</summary>
    public static (IReadOnlyList<StudyCell> Points, IReadOnlyList<OptionError> Errors) Points(RecipeSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return StudyExpansion.Expand(new StudyDefinition(search.Name, search.Base, StudyCombine.Cross, search.Space));
    }

    /// <summary>The first rung's points: all of them when the space is small, else a balanced set drawn with the search's seed (<see cref="RecipeSearchDesign"/>).</summary>
    public static IReadOnlyList<StudyCell> FirstRung(RecipeSearch search, IReadOnlyList<StudyCell> points)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count <= search.FirstRungTrials)
        {
            return points;
        }
        var levels = search.Space.Select(a => a.Levels.Count).ToArray();
        var random = new Random(unchecked((int)(search.Seed ^ (search.Seed >>> 32))));
        return [.. RecipeSearchDesign.Rows(levels, search.FirstRungTrials, random).Select(r => RecipeSearchDesign.Index(levels, r)).Order().Select(i => points[i])];
    }

    /// <summary>
    /// The incumbent: the base recipe as it stands. It is the point whose experiment equals the base's (names aside)
    /// when the space holds one, else a point of its own named <see cref="BaseCell"/> with no axis values; null when
    /// the search has <c>"incumbent": false</c>.
    /// </summary>
    public static StudyCell? Incumbent(RecipeSearch search, IReadOnlyList<StudyCell> points)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(points);
        if (!search.Incumbent)
        {
            return null;
        }
        var baseConfig = Unnamed(search.Base);
        return points.FirstOrDefault(p => JsonNode.DeepEquals(Unnamed(JsonNode.Parse(p.ExperimentJson)!.AsObject()), baseConfig))
            ?? new StudyCell(BaseCell, $"{search.Name}-{BaseCell}", new Dictionary<string, string>(), search.Base.ToJsonString());
    }

    /// <summary>The incumbent's point name when the space does not hold the base recipe.</summary>
    public const string BaseCell = "base";

    /// <summary>
    /// The trial of <paramref name="point"/> at <paramref name="rung"/>: its budget, the search's seed plus
    /// <paramref name="seedIndex"/>, the validation evaluations. Seed 0 keeps the plain name, so a search that later
    /// asks for more final seeds reuses what it trained.
    /// </summary>
    public static RecipeTrial Trial(RecipeSearch search, StudyCell point, int rung, int seedIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(point);
        var config = JsonNode.Parse(point.ExperimentJson)!.AsObject();
        // No axis may be named "seed", so the suffix never makes another point's name.
        var runId = string.Create(CultureInfo.InvariantCulture, $"{search.Name}-r{rung}-{point.Cell}{(seedIndex > 0 ? $"-seed-{seedIndex}" : string.Empty)}");
        config["name"] = runId;
        ConfigSweep.Set(config, "training.budget", new JsonObject { ["gflops"] = search.RungBudget(rung) });
        ConfigSweep.Set(config, "training.seed", search.Seed + seedIndex);
        config["evaluations"] = search.Validation.DeepClone();
        config.Remove("shifts");
        return new RecipeTrial(point.Cell, rung, runId, config.ToJsonString()) { SeedIndex = seedIndex };
    }

    /// <summary>Every trial of <paramref name="point"/> at <paramref name="rung"/>: one seed, or <see cref="RecipeSearch.FinalSeeds"/> in the last rung.</summary>
    public static IEnumerable<RecipeTrial> Trials(RecipeSearch search, StudyCell point, int rung)
    {
        ArgumentNullException.ThrowIfNull(search);
        var seeds = rung == search.Rungs - 1 ? search.FinalSeeds : 1;
        return Enumerable.Range(0, seeds).Select(k => Trial(search, point, rung, k));
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

    /// <summary>The points promoted from a finished rung: the best <paramref name="keep"/> by objective, ties by point name.</summary>
    public static IReadOnlyList<string> Promote(IReadOnlyList<(string Cell, double Objective)> rung, int keep)
    {
        ArgumentNullException.ThrowIfNull(rung);
        return [.. rung.OrderByDescending(t => t.Objective).ThenBy(t => t.Cell, StringComparer.Ordinal).Take(keep).Select(t => t.Cell)];
    }

    /// <summary>
    /// How many of a finished rung's <paramref name="trials"/> (the incumbent not counted) go on: ceil(n / eta), and at
    /// least <see cref="RecipeSearch.Finalists"/> into the last rung, so the full budget compares more than one recipe;
    /// a rung of two or more always drops one, or halving would not halve.
    /// </summary>
    public static int Keep(RecipeSearch search, int trials, int nextRung)
    {
        ArgumentNullException.ThrowIfNull(search);
        var keep = Math.Max(1, (int)Math.Ceiling(trials / (double)search.Eta));
        return nextRung == search.Rungs - 1 ? Math.Max(keep, Math.Min(trials - 1, RecipeSearch.Finalists)) : keep;
    }

    /// <summary>
    /// How many trials each rung trains when none fails: the first rung's draw, then <see cref="Keep"/> of them per
    /// rung, plus the incumbent in every rung when it is not one of the draw's points, each with
    /// <see cref="RecipeSearch.FinalSeeds"/> seeds in the last rung. Times each rung's budget, the
    /// trials' planned cost (the prepare steps' runs not included).
    /// </summary>
    public static IReadOnlyList<int> RungSizes(RecipeSearch search, IReadOnlyList<StudyCell> points)
    {
        ArgumentNullException.ThrowIfNull(search);
        var incumbent = Incumbent(search, points);
        var challengers = FirstRung(search, points).Count(p => p.Cell != incumbent?.Cell);
        var sizes = new List<int>();
        for (var rung = 0; rung < search.Rungs; rung++)
        {
            sizes.Add((challengers + (incumbent is null ? 0 : 1)) * (rung == search.Rungs - 1 ? search.FinalSeeds : 1));
            challengers = Keep(search, challengers, rung + 1);
        }
        return sizes;
    }

    private static JsonObject Unnamed(JsonObject config)
    {
        var copy = (JsonObject)config.DeepClone();
        copy.Remove("name");
        return copy;
    }
}
