using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Evaluation;

/// <summary>Refuses a shift that names an evaluation the config lacks, a metric its task lacks, or a baseline for no variant.</summary>
public static class ShiftChecks
{
    /// <summary>The metrics of the tasks whose metrics are known before evaluating; other tasks are checked when summarised.</summary>
    private static readonly Dictionary<string, string[]> MetricsOf = new(StringComparer.Ordinal)
    {
        ["zeroshot_classification"] = ["acc1", "acc5", "mean_per_class_recall"],
        ["zeroshot_retrieval"] = [.. Retrieval.Ks.SelectMany(k => new[] { $"text_retrieval_recall@{k}", $"image_retrieval_recall@{k}" })],
    };

    public static IReadOnlyList<OptionError> Validate(IReadOnlyList<ShiftConfig> shifts, IReadOnlyList<EvaluationConfig> evaluations)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(evaluations);
        var errors = new List<OptionError>();
        for (var i = 0; i < shifts.Count; i++)
        {
            var field = $"shifts[{i}]";
            var own = ComponentOptions.Validate(shifts[i], field);
            errors.AddRange(own.Count > 0 ? own : Check(shifts[i], evaluations, field));
        }
        if (shifts.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != shifts.Count)
        {
            errors.Add(new OptionError("shifts", "two shifts share a name; their results would overwrite each other"));
        }
        return errors;
    }

    private static IEnumerable<OptionError> Check(ShiftConfig shift, IReadOnlyList<EvaluationConfig> evaluations, string field)
    {
        var available = evaluations.Where(e => e.Task == shift.Task).Select(e => e.Name).ToList();
        var names = available.Count == 0 ? $"the config has no {shift.Task} evaluation" : $"{shift.Task} evaluations: {string.Join(", ", available)}";
        if (!available.Contains(shift.InDistribution))
        {
            yield return new OptionError($"{field}.inDistribution", $"no {shift.Task} evaluation named '{shift.InDistribution}'; {names}");
        }
        for (var v = 0; v < shift.Variants.Count; v++)
        {
            if (!available.Contains(shift.Variants[v]))
            {
                yield return new OptionError($"{field}.variants[{v}]", $"no {shift.Task} evaluation named '{shift.Variants[v]}'; {names}");
            }
            else if (shift.Variants[v] == shift.InDistribution || shift.Variants.Take(v).Contains(shift.Variants[v]))
            {
                yield return new OptionError($"{field}.variants[{v}]", $"'{shift.Variants[v]}' is named twice in this shift");
            }
        }
        if (MetricsOf.TryGetValue(shift.Task, out var metrics) && !metrics.Contains(shift.Metric))
        {
            yield return new OptionError($"{field}.metric", $"{shift.Task} has no metric '{shift.Metric}'; use {string.Join(", ", metrics)}");
        }
        foreach (var (key, baseline) in shift.Baselines ?? new Dictionary<string, RobustnessBaseline>())
        {
            if (key != DistributionShift.AverageKey && !shift.Variants.Contains(key))
            {
                yield return new OptionError($"{field}.baselines", $"'{key}' is neither a variant of this shift nor '{DistributionShift.AverageKey}'");
            }
            else if (!double.IsFinite(baseline.Slope) || !double.IsFinite(baseline.Intercept))
            {
                yield return new OptionError($"{field}.baselines", $"'{key}' needs a finite slope and intercept");
            }
        }
    }
}
