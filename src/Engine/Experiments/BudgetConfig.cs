using System.Globalization;
using System.Text.Json.Serialization;

namespace ClipHost.Engine.Experiments;

/// <summary>
/// How much training: samples seen (the paper's unit), epochs over the training selection, or training compute in GFLOPs
/// (from which the trainer derives the steps, so runs of different cost compare at equal compute); exactly one.
/// </summary>
public sealed record BudgetConfig : IValidatableObject
{
    /// <summary>Pairs seen; 0 only for a run that starts from model.init and is evaluated as loaded.</summary>
    [Range(0L, long.MaxValue, ErrorMessage = "must not be negative")]
    public long? Samples { get; init; }

    [Range(0.001, 100_000, ErrorMessage = "must be positive")]
    public double? Epochs { get; init; }

    /// <summary>
    /// Training compute in GFLOPs, counted as compute.json records it; the trainer derives the steps from the model's cost.
    /// Left out of the JSON when null, so the hash of every config written before it existed is unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "must be positive")]
    public double? Gflops { get; init; }

    /// <summary>samples, epochs or gflops: the one given.</summary>
    [JsonIgnore]
    public string Kind => Gflops is not null ? "gflops" : Epochs is not null ? "epochs" : "samples";

    /// <summary>The number given for <see cref="Kind"/>.</summary>
    [JsonIgnore]
    public double Value => Gflops ?? Epochs ?? Samples ?? 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var given = (Samples is null ? 0 : 1) + (Epochs is null ? 0 : 1) + (Gflops is null ? 0 : 1);
        if (given != 1)
        {
            // The budget as a whole is at fault, not one of its fields.
            yield return new ValidationResult($"give exactly one of samples, epochs or gflops ({(given == 0 ? "none" : given.ToString(CultureInfo.InvariantCulture))} given)");
        }
    }

    /// <summary>Pairs seen under a samples or epochs budget (a GFLOPs budget is priced by the trainer).</summary>
    public long SamplesFor(int trainCount) => Samples ?? (long)Math.Ceiling(Epochs!.Value * trainCount);
}
