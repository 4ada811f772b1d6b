using System.Globalization;
using System.Text.Json.Nodes;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Studies;

/// <summary>
/// Reads a study's <c>prepare</c> list (<see cref="StudyPrepareStep"/>) and expands its training steps into experiments.
/// Every name a step gives becomes a folder (a store, a run), so each is a checked identifier.
/// </summary>
public static class StudyPrepare
{
    private static readonly string[] Kinds = ["merge", "plantNoise", "train"];
    private static readonly string[] MergeFields = ["merge", "into"];
    private static readonly string[] PlantFields = ["plantNoise", "into", "share", "seed"];
    private static readonly string[] TrainFields = ["train", "set"];

    public static IReadOnlyList<StudyPrepareStep> Parse(JsonNode? node, List<OptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray steps)
        {
            errors.Add(new OptionError("prepare", "give a list of steps: {\"merge\": [...], \"into\"}, {\"plantNoise\", \"into\", \"share\", \"seed\"} or {\"train\", \"set\"}"));
            return [];
        }
        var parsed = new List<StudyPrepareStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            var at = $"prepare[{i}]";
            if (steps[i] is not JsonObject step)
            {
                errors.Add(new OptionError(at, "is not an object"));
                continue;
            }
            var step1 = One(step, at, errors);
            if (step1 is not null)
            {
                parsed.Add(step1);
            }
        }
        return parsed;
    }

    /// <summary>The training steps as experiments: the base with their paths set, named &lt;study&gt;-&lt;train&gt;.</summary>
    public static (IReadOnlyList<(string RunId, string ExperimentJson)> Runs, IReadOnlyList<OptionError> Errors) Runs(StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var runs = new List<(string, string)>();
        var errors = new List<OptionError>();
        foreach (var step in study.Prepare.OfType<TrainRunStep>())
        {
            var config = (JsonObject)study.Base.DeepClone();
            try
            {
                foreach (var (path, value) in step.Sets)
                {
                    ConfigSweep.Set(config, path, value?.DeepClone());
                }
            }
            catch (OptionsValidationFailedException e)
            {
                errors.AddRange(e.Errors.Select(x => new OptionError($"{step.Field}.set", x.Message)));
                continue;
            }
            var runId = RunId(study.Name, step);
            if (Identifier.Check(runId, $"{step.Field}.train") is { } bad)
            {
                errors.Add(bad);
                continue;
            }
            config["name"] = runId;
            var json = config.ToJsonString();
            // A path the experiment does not have is caught here, naming the step, before any other step has run.
            var (_, parseErrors) = ExperimentJson.Parse(json, "experiment", runId);
            if (parseErrors.Count > 0)
            {
                errors.AddRange(parseErrors.Select(e => e with { Field = $"{step.Field} ({runId}): {e.Field}" }));
                continue;
            }
            runs.Add((runId, json));
        }
        return (runs, errors);
    }

    /// <summary>The run a training step trains: &lt;study&gt;-&lt;train&gt;.</summary>
    public static string RunId(string study, TrainRunStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return $"{study}-{step.Name}";
    }

    private static StudyPrepareStep? One(JsonObject step, string at, List<OptionError> errors)
    {
        var kinds = Kinds.Where(step.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            errors.Add(new OptionError(at, "give exactly one of merge, plantNoise and train"));
            return null;
        }
        var allowed = kinds[0] switch
        {
            "merge" => MergeFields,
            "plantNoise" => PlantFields,
            _ => TrainFields,
        };
        foreach (var unknown in step.Select(p => p.Key).Where(k => !allowed.Contains(k)))
        {
            errors.Add(new OptionError($"{at}.{unknown}", $"is not a field of a {kinds[0]} step ({string.Join(", ", allowed)})"));
        }
        var before = errors.Count;
        StudyPrepareStep? result = kinds[0] switch
        {
            "merge" => new MergeStoresStep(at, Name(step["into"], $"{at}.into", errors), Names(step["merge"], $"{at}.merge", errors)),
            "plantNoise" => new PlantNoiseStep(at, Name(step["plantNoise"], $"{at}.plantNoise", errors), Name(step["into"], $"{at}.into", errors), Share(step["share"], $"{at}.share", errors), Seed(step["seed"], $"{at}.seed", errors)),
            _ => new TrainRunStep(at, Name(step["train"], $"{at}.train", errors), Sets(step["set"], $"{at}.set", errors)),
        };
        return errors.Count == before ? result : null;
    }

    private static string Name(JsonNode? node, string field, List<OptionError> errors)
    {
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (Identifier.Check(text, field) is { } bad)
        {
            errors.Add(bad);
        }
        return text ?? string.Empty;
    }

    private static List<string> Names(JsonNode? node, string field, List<OptionError> errors)
    {
        if (node is not JsonArray list || list.Count < 2)
        {
            errors.Add(new OptionError(field, "give two or more stores to merge"));
            return [];
        }
        return [.. list.Select((n, i) => Name(n, $"{field}[{i}]", errors))];
    }

    private static double Share(JsonNode? node, string field, List<OptionError> errors)
    {
        if (node is JsonValue v && v.TryGetValue<double>(out var share) && share is > 0 and < 1)
        {
            return share;
        }
        errors.Add(new OptionError(field, "give the share of training pairs whose captions are replaced, in (0, 1)"));
        return 0;
    }

    private static long Seed(JsonNode? node, string field, List<OptionError> errors)
    {
        if (node is null)
        {
            return 0;
        }
        if (node is JsonValue v && v.TryGetValue<long>(out var seed))
        {
            return seed;
        }
        errors.Add(new OptionError(field, string.Create(CultureInfo.InvariantCulture, $"'{node.ToJsonString()}' is not an integer seed")));
        return 0;
    }

    private static List<KeyValuePair<string, JsonNode?>> Sets(JsonNode? node, string field, List<OptionError> errors)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not JsonObject sets)
        {
            errors.Add(new OptionError(field, "give an object of config paths and their values"));
            return [];
        }
        return [.. sets.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))];
    }
}
