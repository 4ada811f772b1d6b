using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Experiments;

/// <summary>One experiment: data, model, strategy, training and evaluations; the JSON behind `clip-host train --config`.</summary>
public sealed record ExperimentConfig
{
    /// <summary>Names the run folder (the service appends a timestamp to make the run id).</summary>
    [Required]
    [Identifier]
    public string Name { get; init; } = string.Empty;

    [Required]
    public DataConfig Data { get; init; } = new();

    [Required]
    public ClipModelConfig Model { get; init; } = new();

    [Required]
    public StrategyConfig Strategy { get; init; } = new();

    [Required]
    public TrainingConfig Training { get; init; } = new();

    public IReadOnlyList<EvaluationConfig> Evaluations { get; init; } = [];

    /// <summary>Distribution shifts over the evaluations, each summarised in its own result file.</summary>
    public IReadOnlyList<ShiftConfig> Shifts { get; init; } = [];
}
