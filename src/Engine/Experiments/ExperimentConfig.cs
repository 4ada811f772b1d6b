using System.ComponentModel.DataAnnotations;
using ClipHost.Engine.Model;

namespace ClipHost.Engine.Experiments;

/// <summary>One experiment: data, model, strategy, training and evaluations; the JSON behind `clip-host train --config`.</summary>
public sealed record ExperimentConfig
{
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "letters, digits, '.', '_' and '-' only")]
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
}
