using System.Text.Json;
using System.Text.Json.Nodes;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Training;

namespace ClipHost.Reports;

/// <summary>What a finished run left on disk: its evaluation results, loss curve, compute, and the subset it trained on when filtered.</summary>
public sealed record RunSummary(string Name, IReadOnlyList<EvalResult> Results, IReadOnlyList<(long Samples, double Loss)> Loss, RunCompute? Compute, SubsetRecord? Subset = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every curve of metrics.jsonl (loss, learning rate, logit scale, validation).</summary>
    public RunCurves Curves { get; init; } = RunCurves.Empty;

    /// <summary>The *_distribution_shift.json summaries written beside the evaluation results.</summary>
    public IReadOnlyList<ShiftResult> Shifts { get; init; } = [];

    /// <summary>config.json as the run wrote it; null for a folder without one.</summary>
    public JsonObject? Config { get; init; }

    /// <summary>training.seed of the config (0, the default, when it names none); null without a config.</summary>
    public long? Seed => Config is null ? null : Config["training"]?["seed"]?.GetValue<long>() ?? 0;

    public static RunSummary Read(string runDirectory)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(runDirectory));
        if (!Directory.Exists(runDirectory))
        {
            throw new DirectoryNotFoundException($"run '{name}' not found at {runDirectory}");
        }
        var eval = Path.Combine(runDirectory, "eval");
        var files = Directory.Exists(eval) ? Directory.EnumerateFiles(eval, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        // Shift summaries sit beside the results in eval/ but are another record.
        var shiftSuffix = $"_{DistributionShift.Task}.json";
        var results = files.Where(f => !f.EndsWith(shiftSuffix, StringComparison.Ordinal)).Select(f => Deserialize<EvalResult>(f)).ToList();
        var shifts = files.Where(f => f.EndsWith(shiftSuffix, StringComparison.Ordinal)).Select(f => Deserialize<ShiftResult>(f)).ToList();
        var curves = RunCurves.Read(Path.Combine(runDirectory, "metrics.jsonl"));
        var computeFile = Path.Combine(runDirectory, "compute.json");
        var compute = File.Exists(computeFile) ? Deserialize<RunCompute>(computeFile) : null;
        var configFile = Path.Combine(runDirectory, "config.json");
        return new RunSummary(name, results, [.. curves.Loss.Select(p => (p.Samples, p.Value))], compute, SubsetFiles.Read(Path.Combine(runDirectory, TrainingSet.Folder)))
        {
            Curves = curves,
            Shifts = shifts,
            Config = File.Exists(configFile) ? JsonNode.Parse(File.ReadAllText(configFile)) as JsonObject : null,
        };
    }

    /// <summary>
    /// The headline numbers with their chance level: top-1 for zero-shot classification and linear probes, R@5 both
    /// ways for retrieval; other tasks (few-shot) have none.
    /// </summary>
    public IEnumerable<(string Column, double Value, double Chance)> Headline()
    {
        foreach (var r in Results)
        {
            if (r.Task == "zeroshot_classification")
            {
                yield return ($"{r.Dataset} top-1", r.Metrics["acc1"], r.Chance.GetValueOrDefault("acc1"));
            }
            else if (r.Task == "linear_probe" && r.Metrics.TryGetValue("acc1", out var probe))
            {
                yield return ($"{r.Dataset} linear probe top-1", probe, r.Chance.GetValueOrDefault("acc1"));
            }
            else if (r.Task == "zeroshot_retrieval")
            {
                yield return ($"{r.Dataset} i2t R@5", r.Metrics["text_retrieval_recall@5"], r.Chance.GetValueOrDefault("text_retrieval_recall@5"));
                yield return ($"{r.Dataset} t2i R@5", r.Metrics["image_retrieval_recall@5"], r.Chance.GetValueOrDefault("image_retrieval_recall@5"));
            }
        }
    }

    private static T Deserialize<T>(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), Json) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not a {typeof(T).Name}: {e.Message}", e);
        }
    }
}
