namespace ClipHost.Engine.Experiments;

/// <summary>
/// Evaluation during training: every this many steps (or samples seen), the run's validation split (the training
/// selection's "val" samples) is scored for its contrastive loss and retrieval, and the line goes to metrics.jsonl
/// beside the training loss, so a run that is learning nothing says so early.
/// </summary>
public sealed record EvalEveryConfig : IValidatableObject
{
    [Range(1, long.MaxValue)]
    public long? Steps { get; init; }

    [Range(1, long.MaxValue)]
    public long? Samples { get; init; }

    /// <summary>At most this many validation pairs (the first in store order, so every evaluation sees the same ones).</summary>
    [Range(2, 8192)]
    public int ValidationSamples { get; init; } = 512;

    /// <summary>The cadence in steps of <paramref name="batchSize"/> pairs.</summary>
    public long StepsFor(int batchSize) => Steps ?? Math.Max(1, (long)Math.Ceiling((double)Samples!.Value / batchSize));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Steps.HasValue == Samples.HasValue)
        {
            yield return new ValidationResult("give exactly one of steps or samples", [nameof(Steps)]);
        }
    }
}
