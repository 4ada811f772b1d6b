using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Summarises distribution shifts from evaluation results and writes each as &lt;name&gt;_distribution_shift.json beside
/// them. <see cref="Summarize"/> is a function of the numbers alone, for the study layer to call over many runs.
/// </summary>
public static class DistributionShift
{
    public const string Task = "distribution_shift";

    public const string AverageKey = "average";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>One model's shift from the metric's value on each evaluation the shift names.</summary>
    /// <param name="shift">The shift.</param>
    /// <param name="model">The model's name.</param>
    /// <param name="valueOf">The metric's value on an evaluation, by the evaluation's name.</param>
    public static ShiftResult Summarize(ShiftConfig shift, string model, Func<string, double> valueOf)
    {
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(valueOf);
        var inDistribution = valueOf(shift.InDistribution);
        var variants = shift.Variants.Select(v => Point(shift, v, valueOf(v), inDistribution)).ToList();
        return new ShiftResult(shift.Name, model, shift.Task, shift.Metric, shift.InDistribution, inDistribution, variants,
            Point(shift, AverageKey, variants.Average(v => v.Value), inDistribution), shift.Baselines);
    }

    /// <summary>Writes every shift's summary of these results; the validator has checked the evaluations exist.</summary>
    public static IReadOnlyList<ShiftResult> Write(IReadOnlyList<ShiftConfig>? shifts, IReadOnlyList<EvalResult> results, string model, string outputDirectory)
    {
        var written = new List<ShiftResult>();
        foreach (var shift in shifts ?? [])
        {
            var summary = Summarize(shift, model, name => Value(results, shift, name));
            File.WriteAllText(Path.Combine(outputDirectory, $"{Identifier.Require(shift.Name, "shifts.name")}_{Task}.json"), JsonSerializer.Serialize(summary, Json));
            written.Add(summary);
        }
        return written;
    }

    private static double Value(IReadOnlyList<EvalResult> results, ShiftConfig shift, string name)
    {
        var result = results.FirstOrDefault(r => r.Dataset == name && r.Task == shift.Task)
            ?? throw new InvalidOperationException($"shift '{shift.Name}': no {shift.Task} result for evaluation '{name}'");
        return result.Metrics.TryGetValue(shift.Metric, out var value) ? value
            : throw new InvalidOperationException($"shift '{shift.Name}': evaluation '{name}' has no metric '{shift.Metric}'; it has {string.Join(", ", result.Metrics.Keys)}");
    }

    private static ShiftPoint Point(ShiftConfig shift, string dataset, double value, double inDistribution)
    {
        var baseline = shift.Baselines?.GetValueOrDefault(dataset);
        var expected = baseline?.Expected(inDistribution);
        return new ShiftPoint(dataset, value, value - inDistribution, expected, value - expected);
    }
}
