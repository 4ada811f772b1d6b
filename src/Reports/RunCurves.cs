using System.Text.Json;
namespace ClipHost.Reports;

/// <summary>
/// The curves in a run's metrics.jsonl against samples seen: training lines (loss, learning rate, logit scale) and,
/// with training.evalEvery, validation lines ({step, samplesSeen, validation: {...}}, no loss of their own). A line that
/// is not JSON (a run killed mid-write leaves half a line) is skipped and counted.
/// </summary>
public sealed record RunCurves(
    IReadOnlyList<(long Samples, double Value)> Loss,
    IReadOnlyList<(long Samples, double Value)> LearningRate,
    IReadOnlyList<(long Samples, double Value)> LogitScale,
    IReadOnlyDictionary<string, IReadOnlyList<(long Samples, double Value)>> Validation,
    int Skipped)
{
    public static RunCurves Empty { get; } = new([], [], [], new Dictionary<string, IReadOnlyList<(long, double)>>(), 0);

    public static RunCurves Read(string metricsPath)
    {
        if (!File.Exists(metricsPath))
        {
            return Empty;
        }
        var (loss, lr, scale) = (new List<(long, double)>(), new List<(long, double)>(), new List<(long, double)>());
        var validation = new SortedDictionary<string, List<(long, double)>>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var line in File.ReadLines(metricsPath).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            if (Parse(line) is not { } e || !e.TryGetProperty("samplesSeen", out var seen) || !seen.TryGetInt64(out var samples))
            {
                skipped++;
                continue;
            }
            if (e.TryGetProperty("validation", out var v) && v.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in v.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                {
                    (validation.TryGetValue(p.Name, out var list) ? list : validation[p.Name] = []).Add((samples, p.Value.GetDouble()));
                }
                continue;
            }
            Add(loss, e, "loss", samples);
            Add(lr, e, "lr", samples);
            Add(scale, e, "logitScale", samples);
        }
        return new RunCurves(loss, lr, scale, validation.ToDictionary(p => p.Key, p => (IReadOnlyList<(long, double)>)p.Value, StringComparer.Ordinal), skipped);
    }

    private static JsonElement? Parse(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Add(List<(long, double)> curve, JsonElement line, string field, long samples)
    {
        if (line.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            curve.Add((samples, value.GetDouble()));
        }
    }
}
