using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// One model's distribution shift, a point per variant for the paper's accuracy-vs-accuracy scatter: the metric in
/// distribution and on each shifted variant and their average, with relative robustness (shifted minus in-distribution)
/// and, against a baseline fitted over many models, effective robustness (shifted minus the baseline's expectation).
/// </summary>
/// <param name="Average">The mean over the variants, as the CLIP paper averages its ImageNet shifts.</param>
public sealed record ShiftResult(
    string Name,
    string Model,
    string Task,
    string Metric,
    string InDistribution,
    double InDistributionValue,
    IReadOnlyList<ShiftPoint> Variants,
    ShiftPoint Average,
    IReadOnlyDictionary<string, RobustnessBaseline>? Baselines = null);

/// <summary>One shifted variant (or the average) against the in-distribution value.</summary>
/// <param name="Dataset">The variant's evaluation name, or "average".</param>
/// <param name="Value">The metric on the variant.</param>
/// <param name="RelativeRobustness">Value minus the in-distribution value (Taori et al.'s relative robustness).</param>
/// <param name="Expected">What the baseline expects at the in-distribution value; null without a baseline.</param>
/// <param name="EffectiveRobustness">Value minus <paramref name="Expected"/>; null without a baseline.</param>
public sealed record ShiftPoint(string Dataset, double Value, double RelativeRobustness, double? Expected, double? EffectiveRobustness);
