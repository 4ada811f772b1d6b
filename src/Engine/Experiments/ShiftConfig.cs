using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Experiments;

/// <summary>
/// A distribution shift as the CLIP paper reports it: an in-distribution evaluation and its shifted variants, both named
/// among the config's evaluations (by name, with this task), compared on one metric.
/// </summary>
public sealed record ShiftConfig
{
    /// <summary>Names the result file, &lt;name&gt;_distribution_shift.json.</summary>
    [Required]
    [Identifier]
    public string Name { get; init; } = string.Empty;

    /// <summary>The in-distribution evaluation's name.</summary>
    [Required]
    public string InDistribution { get; init; } = string.Empty;

    /// <summary>The shifted evaluations' names.</summary>
    [Required]
    [MinLength(1)]
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>The task of the evaluations named (a name may carry several tasks).</summary>
    public string Task { get; init; } = "zeroshot_classification";

    /// <summary>The metric compared, e.g. acc1.</summary>
    [Required]
    public string Metric { get; init; } = "acc1";

    /// <summary>Baselines fitted over many models, by variant name or "average"; without one, no effective robustness.</summary>
    public IReadOnlyDictionary<string, RobustnessBaseline>? Baselines { get; init; }
}
