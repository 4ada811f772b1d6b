using System.Globalization;
using System.Text.Json.Nodes;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Search;

/// <summary>
/// Reads a recipe search: <c>{"name", "base", "prepare"?, "space", "budget": {"gflops"}, "eta"?, "rungs"?, "seed"?,
/// "incumbent"?, "finalSeeds"?, "validation", "objective"}</c>. <c>space</c> takes a study's axes (no seed axis: a trial is one seed), <c>base</c> and
/// <c>prepare</c> are read as a study's. Errors name the field, never throw.
/// </summary>
public static class RecipeSearchFile
{
    private static readonly string[] TopLevel = ["name", "description", "base", "prepare", "space", "budget", "eta", "rungs", "seed", "incumbent", "finalSeeds", "validation", "objective"];

    public static (RecipeSearch? Search, IReadOnlyList<OptionError> Errors) Parse(string json, string? directory, string? root)
    {
        JsonObject search;
        try
        {
            search = JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject ?? throw new System.Text.Json.JsonException("not a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, [new OptionError("search", $"is not a JSON object ({e.Message.Split(" Path:")[0]})")]);
        }
        var errors = new List<OptionError>();
        errors.AddRange(search.Select(p => p.Key).Where(k => !TopLevel.Contains(k)).Select(k => new OptionError(k, $"is not a search field (the fields are {string.Join(", ", TopLevel)})")));
        var name = search["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (Identifier.Check(name, "name") is { } badName)
        {
            errors.Add(badName);
        }
        var baseConfig = StudyFile.Base(search["base"], directory, root, errors);
        var prepare = StudyPrepare.Parse(search["prepare"], errors);
        var axisErrors = new List<OptionError>();
        var space = StudyAxes.Parse(search["space"], StudyCombine.Cross, axisErrors);
        errors.AddRange(axisErrors.Select(e => e with { Field = e.Field.StartsWith("axes", StringComparison.Ordinal) ? "space" + e.Field[4..] : e.Field }));
        if (space.FirstOrDefault(a => a.IsSeed) is { } seedAxis)
        {
            errors.Add(new OptionError(seedAxis.Field.Replace("axes", "space", StringComparison.Ordinal), "a trial is one seed: leave training.seed out of the space (the search's seed sets it)"));
        }
        var budget = search["budget"] is JsonObject b && b["gflops"] is JsonValue g && g.TryGetValue<double>(out var gflops) && gflops > 0 ? gflops : Refuse("budget", "give the final training budget as {\"gflops\": G}, G > 0", errors);
        var eta = Integer(search["eta"], "eta", 3, 2, 10, errors);
        var rungs = Integer(search["rungs"], "rungs", 3, 1, 6, errors);
        var finalSeeds = Integer(search["finalSeeds"], "finalSeeds", 1, 1, 5, errors);
        var seed = search["seed"] is JsonValue sv && sv.TryGetValue<long>(out var sd) ? sd : search["seed"] is null ? 0 : (long)Refuse("seed", "is not an integer", errors);
        var incumbent = true;
        if (search["incumbent"] is { } incumbentNode && !(incumbentNode is JsonValue iv && iv.TryGetValue(out incumbent)))
        {
            errors.Add(new OptionError("incumbent", "is not true or false (true, the default: train the base recipe in every rung and recommend it unless a trial beats it)"));
        }
        var validation = search["validation"] as JsonArray;
        if (validation is not { Count: > 0 })
        {
            errors.Add(new OptionError("validation", "give the evaluations trials are judged on (validation splits, never the test split the final report uses)"));
        }
        var objective = search["objective"] is JsonArray o ? o.Select(n => n is JsonValue x && x.TryGetValue<string>(out var m) ? m : null).ToList() : null;
        if (objective is not { Count: > 0 } || objective.Any(m => string.IsNullOrWhiteSpace(m) || m.Split('/').Length != 3))
        {
            errors.Add(new OptionError("objective", "give the metrics to maximise, each \"<evaluation>/<task>/<metric>\" (e.g. \"emoji-val/zeroshot_classification/acc1\"); trials rank by their mean"));
        }
        else if (validation is { Count: > 0 })
        {
            var names = validation.Select(e => e?["name"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(objective.Where(m => !names.Contains(m!.Split('/')[0])).Select(m => new OptionError("objective", $"'{m}' names no validation evaluation ({string.Join(", ", names)})")));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new RecipeSearch(name!, baseConfig!, space, budget, eta, rungs, seed, (JsonArray)validation!.DeepClone(), objective!.Select(m => m!).ToList()) { Prepare = prepare, Incumbent = incumbent, FinalSeeds = finalSeeds }, []);
    }

    /// <summary>
    /// The search with the caller's overrides: another final budget (GFLOPs, positive) and another store for the base's
    /// data; errors name <paramref name="budgetField"/> or <paramref name="dataField"/> as the caller spells them.
    /// </summary>
    public static (RecipeSearch? Search, IReadOnlyList<OptionError> Errors) WithOverrides(RecipeSearch search, double? budget, string? store, string budgetField, string dataField)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (budget is { } g)
        {
            if (!(g > 0) || double.IsInfinity(g))
            {
                return (null, [new OptionError(budgetField, "give a positive, finite number of GFLOPs")]);
            }
            search = search with { BudgetGflops = g };
        }
        if (store is not null)
        {
            if (Identifier.Check(store, dataField) is { } bad)
            {
                return (null, [bad]);
            }
            var withStore = (JsonObject)search.Base.DeepClone();
            Experiments.ConfigSweep.Set(withStore, "data.store", store);
            search = search with { Base = withStore };
        }
        return (search, []);
    }

    /// <summary>
    /// The search as the service keeps it: <paramref name="json"/> with its base inline (read from its file, with the
    /// overrides the search carries) and its budget set, so it parses again without a folder and cannot change when
    /// the base's file does.
    /// </summary>
    public static string SelfContained(string json, RecipeSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var node = JsonNode.Parse(json)!.AsObject();
        node["base"] = search.Base.DeepClone();
        node["budget"] = new JsonObject { ["gflops"] = search.BudgetGflops };
        return node.ToJsonString();
    }

    public static (RecipeSearch? Search, IReadOnlyList<OptionError> Errors) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [new OptionError("search", $"{path} does not exist")]);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Parse(File.ReadAllText(path), directory, Path.GetDirectoryName(directory) ?? directory);
    }

    private static int Integer(JsonNode? node, string field, int fallback, int min, int max, List<OptionError> errors)
    {
        if (node is null)
        {
            return fallback;
        }
        if (node is JsonValue v && v.TryGetValue<int>(out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(new OptionError(field, string.Create(CultureInfo.InvariantCulture, $"give an integer in [{min}, {max}]")));
        return fallback;
    }

    private static double Refuse(string field, string message, List<OptionError> errors)
    {
        errors.Add(new OptionError(field, message));
        return 0;
    }
}
