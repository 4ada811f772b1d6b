namespace ClipHost.Engine.Experiments;

/// <summary>How much training: samples seen (the paper's unit) or epochs over the training selection; exactly one.</summary>
public sealed record BudgetConfig : IValidatableObject
{
    [Range(1L, long.MaxValue, ErrorMessage = "must be positive")]
    public long? Samples { get; init; }

    [Range(0.001, 100_000, ErrorMessage = "must be positive")]
    public double? Epochs { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Samples is null == Epochs is null)
        {
            yield return new ValidationResult("give exactly one of samples or epochs", [nameof(Samples)]);
        }
    }

    public long SamplesFor(int trainCount) => Samples ?? (long)Math.Ceiling(Epochs!.Value * trainCount);
}
