namespace ClipHost.Engine.Experiments;

/// <summary>The optimiser, schedule, budget and checkpointing (defaults follow CLIP: AdamW, beta2 0.98, eps 1e-6, wd 0.2).</summary>
public sealed record TrainingConfig : IValidatableObject
{
    [Range(2, 65_536)]
    public int BatchSize { get; init; } = 256;

    [Range(1e-8, 10)]
    public double LearningRate { get; init; } = 5e-4;

    [Range(0.0, 10)]
    public double WeightDecay { get; init; } = 0.2;

    [Range(0.0, 0.9999)]
    public double Beta1 { get; init; } = 0.9;

    [Range(0.0, 0.9999)]
    public double Beta2 { get; init; } = 0.98;

    [Range(1e-12, 1)]
    public double Eps { get; init; } = 1e-6;

    /// <summary>Linear warmup over this fraction of the steps, then cosine decay to zero.</summary>
    [Range(0.0, 0.5)]
    public double WarmupFraction { get; init; } = 0.05;

    [Required]
    public BudgetConfig Budget { get; init; } = new();

    public long Seed { get; init; }

    /// <summary>Write a checkpoint every this many steps (and always at the end).</summary>
    [Range(1, int.MaxValue)]
    public int CheckpointEvery { get; init; } = 500;

    public Precision Precision { get; init; } = Precision.Fp32;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Budget is null ? [new ValidationResult("is required", [nameof(Budget)])] : [];
}
