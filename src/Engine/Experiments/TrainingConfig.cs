using System.Text.Json.Serialization;

namespace ClipHost.Engine.Experiments;

/// <summary>The optimiser, schedule, budget and checkpointing (defaults follow CLIP: AdamW, beta2 0.98, eps 1e-6, wd 0.2).</summary>
/// <param name="WarmupFraction">Linear warmup over this fraction of the steps, then cosine decay to zero.</param>
/// <param name="Budget">How long to train: samples seen, epochs or steps (required; the validator refuses a config without one).</param>
/// <param name="EvalEvery">Cheap validation during training (left out of the config hash: it never changes the weights).</param>
/// <param name="CheckpointEvery">Write a checkpoint every this many steps (and always at the end).</param>
public sealed record TrainingConfig(
    [property: Range(2, 65_536)] int BatchSize = 256,
    [property: Range(1e-8, 10)] double LearningRate = 5e-4,
    [property: Range(0.0, 10)] double WeightDecay = 0.2,
    [property: Range(0.0, 0.9999)] double Beta1 = 0.9,
    [property: Range(0.0, 0.9999)] double Beta2 = 0.98,
    [property: Range(1e-12, 1)] double Eps = 1e-6,
    [property: Range(0.0, 0.5)] double WarmupFraction = 0.05,
    [property: Required] BudgetConfig? Budget = null,
    long Seed = 0,
    [property: Range(1, int.MaxValue)] int CheckpointEvery = 500,
    Precision Precision = Precision.Auto,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EvalEveryConfig? EvalEvery = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Budget is null ? [new ValidationResult("is required", [nameof(Budget)])] : [];
}
