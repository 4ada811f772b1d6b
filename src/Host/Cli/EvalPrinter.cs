using ClipHost.Engine.Evaluation;

namespace ClipHost.Host.Cli;

/// <summary>Prints evaluation results as one line per metric with its chance level.</summary>
public static class EvalPrinter
{
    private static readonly string[] Headline = ["acc1", "acc5", "mean_per_class_recall", "text_retrieval_recall@1", "text_retrieval_recall@5", "image_retrieval_recall@5"];

    public static void Print(IEnumerable<EvalResult> results, TextWriter output)
    {
        foreach (var r in results)
        {
            output.WriteLine($"{r.Dataset} {r.Task} ({r.Samples} samples{(r.Classes is { } c ? $", {c} classes" : string.Empty)}):");
            foreach (var key in Headline.Where(r.Metrics.ContainsKey))
            {
                var chance = r.Chance.GetValueOrDefault(key);
                var times = chance > 0 ? $" = {r.Metrics[key] / chance:F1}x chance ({chance:P2})" : string.Empty;
                // Top-1 on an unbalanced set: the most common class alone scores this much.
                times += r.Chance.TryGetValue(key + "_majority", out var majority) ? $"; always the most common class: {majority:P2}" : string.Empty;
                output.WriteLine($"  {key,-26} {r.Metrics[key],8:P2}{times}");
            }
            // Few-shot probes report each k's mean top-1 over seeded draws, with its spread.
            foreach (var key in r.Metrics.Keys.Where(k => k.EndsWith("-shot_acc1", StringComparison.Ordinal)))
            {
                var chance = r.Chance.GetValueOrDefault(key);
                output.WriteLine($"  {key,-26} {r.Metrics[key],8:P2} ± {r.Metrics.GetValueOrDefault(key + "_std"):P2}{(chance > 0 ? $" = {r.Metrics[key] / chance:F1}x chance ({chance:P2})" : string.Empty)}");
            }
        }
    }
}
