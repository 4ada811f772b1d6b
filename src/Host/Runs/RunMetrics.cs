using ClipHost.Engine.Evaluation;

namespace ClipHost.Host.Runs;

/// <summary>A run's metrics as its record keeps them: "dataset/task/metric" → value.</summary>
public static class RunMetrics
{
    public static Dictionary<string, double> Of(IEnumerable<EvalResult> results) =>
        results.SelectMany(r => r.Metrics.Select(m => (Key: $"{r.Dataset}/{r.Task}/{m.Key}", m.Value)))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
}
