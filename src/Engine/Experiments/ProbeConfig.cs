namespace ClipHost.Engine.Experiments;

/// <summary>
/// Options of the linear-probe and few-shot tasks: which features, which of the store's splits fit, choose the L2
/// strength and score the probe, how many samples of each to use, and the few-shot k's and draws.
/// </summary>
public sealed record ProbeConfig : IValidatableObject
{
    /// <summary>The feature kinds: the checkpoint's image embedding, or the raw pixels (the baseline).</summary>
    public static readonly IReadOnlyList<string> FeatureKinds = ["model", "pixels"];

    /// <summary>"model" (the image tower's projected, normalised embedding) or "pixels" (raw pixels, a baseline).</summary>
    public string Features { get; init; } = "model";

    /// <summary>Side of the square the pixels baseline downsamples images to (area average), per RGB channel.</summary>
    [Range(1, 128)]
    public int PixelSize { get; init; } = 28;

    /// <summary>The split the probe is fitted on (few-shot draws its k per class from it).</summary>
    [Required]
    public string Train { get; init; } = "train";

    /// <summary>The split the L2 strength is chosen on; null holds out <see cref="ValFraction"/> of the train split.</summary>
    public string? Val { get; init; } = "val";

    /// <summary>The seeded share of the train split held out for the L2 search when <see cref="Val"/> is null.</summary>
    [Range(0.01, 0.5)]
    public double ValFraction { get; init; } = 0.2;

    /// <summary>The split the refitted probe is scored on.</summary>
    [Required]
    public string Test { get; init; } = "test";

    /// <summary>Use at most this many samples of the train split (a seeded subset), for speed.</summary>
    [Range(1, int.MaxValue)]
    public int? TrainLimit { get; init; }

    /// <summary>Use at most this many samples of the validation split (a seeded subset), for speed.</summary>
    [Range(1, int.MaxValue)]
    public int? ValLimit { get; init; }

    /// <summary>Few-shot: examples per class, each k a probe of its own.</summary>
    public IReadOnlyList<int> Shots { get; init; } = [1, 5, 10];

    /// <summary>Few-shot: seeded draws per k, averaged (mean and standard deviation reported).</summary>
    [Range(1, 100)]
    public int Draws { get; init; } = 5;

    /// <summary>Seed of the held-out validation share and of the few-shot draws.</summary>
    public int Seed { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!FeatureKinds.Contains(Features))
        {
            yield return new ValidationResult($"unknown features '{Features}'; use {string.Join(" or ", FeatureKinds)}", [nameof(Features)]);
        }
        if (Shots.Count == 0 || Shots.Any(k => k < 1))
        {
            yield return new ValidationResult("give one or more k's, each at least 1", [nameof(Shots)]);
        }
        if (Val == Train || Test == Train || (Val is not null && Val == Test))
        {
            // A probe scored or tuned on what it was fitted on measures memory, not features.
            yield return new ValidationResult($"train, val and test must be different splits (train '{Train}', val '{Val}', test '{Test}'); leave val null to hold out part of train", [nameof(Test)]);
        }
    }
}
