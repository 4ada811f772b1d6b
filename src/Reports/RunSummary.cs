using System.Text.Json;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Training;

namespace ClipHost.Reports;

/// <summary>What a finished run left on disk: its evaluation results, loss curve, compute, and the subset it trained on when filtered.</summary>
public sealed record RunSummary(string Name, IReadOnlyList<EvalResult> Results, IReadOnlyList<(long Samples, double Loss)> Loss, RunCompute? Compute, SubsetRecord? Subset = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RunSummary Read(string runDirectory)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(runDirectory));
        if (!Directory.Exists(runDirectory))
        {
            throw new DirectoryNotFoundException($"run '{name}' not found at {runDirectory}");
        }
        var eval = Path.Combine(runDirectory, "eval");
        var results = Directory.Exists(eval)
            ? Directory.EnumerateFiles(eval, "*.json").Order(StringComparer.Ordinal).Select(f => JsonSerializer.Deserialize<EvalResult>(File.ReadAllText(f), Json)!).ToList()
            : [];
        var metrics = Path.Combine(runDirectory, "metrics.jsonl");
        var loss = File.Exists(metrics)
            ? File.ReadLines(metrics).Select(l => JsonDocument.Parse(l).RootElement).Select(e => (e.GetProperty("samplesSeen").GetInt64(), e.GetProperty("loss").GetDouble())).ToList()
            : [];
        var computeFile = Path.Combine(runDirectory, "compute.json");
        var compute = File.Exists(computeFile) ? JsonSerializer.Deserialize<RunCompute>(File.ReadAllText(computeFile), Json) : null;
        return new RunSummary(name, results, loss, compute, SubsetFiles.Read(Path.Combine(runDirectory, TrainingSet.Folder)));
    }

    /// <summary>The headline numbers: top-1 for classification, R@5 both ways for retrieval.</summary>
    public IEnumerable<(string Column, double Value)> Headline()
    {
        foreach (var r in Results)
        {
            if (r.Task == "zeroshot_classification")
            {
                yield return ($"{r.Dataset} top-1", r.Metrics["acc1"]);
            }
            else
            {
                yield return ($"{r.Dataset} i2t R@5", r.Metrics["text_retrieval_recall@5"]);
                yield return ($"{r.Dataset} t2i R@5", r.Metrics["image_retrieval_recall@5"]);
            }
        }
    }
}
