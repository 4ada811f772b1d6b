using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Strategies.Augment;

/// <summary>
/// CLIP + data augmentation (the paper's §7): which image policy, its crop and RandAugment strength, and the optional
/// caption augmentation, which the paper does not use and which is off by default.
/// </summary>
public sealed class AugmentOptions : IValidatableObject
{
    /// <summary>The image policy; Stacked RandAugment is the paper's best (Fig. 1b).</summary>
    public AugmentPolicy Policy { get; set; } = AugmentPolicy.StackedRandAugment;

    /// <summary>Smallest crop, as a fraction of the image's area (the paper does not state it; SLIP's CLIP view uses 0.5).</summary>
    [Range(0.01, 1.0)]
    public double MinScale { get; set; } = 0.5;

    /// <summary>Largest crop, as a fraction of the image's area.</summary>
    [Range(0.01, 1.0)]
    public double MaxScale { get; set; } = 1.0;

    /// <summary>RandAugment's number of ops per image (N); the paper does not state it, 2 is RandAugment's usual.</summary>
    [Range(0, 14)]
    public int N { get; set; } = 2;

    /// <summary>RandAugment's magnitude (M) on the 0-30 scale; the paper does not state it, 9 is RandAugment's ImageNet choice.</summary>
    [Range(0, 30)]
    public int M { get; set; } = 9;

    /// <summary>Probability that each caption token is deleted (0 = off); at least one token of a caption always stays.</summary>
    [Range(0.0, 0.9)]
    public double CaptionDeletion { get; set; }

    /// <summary>Random swaps of two neighbouring caption tokens per caption (0 = off).</summary>
    [Range(0, 16)]
    public int CaptionSwaps { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinScale > MaxScale)
        {
            yield return new ValidationResult($"must not exceed maxScale ({MaxScale}), got {MinScale}", [nameof(MinScale)]);
        }
        if (Policy == AugmentPolicy.CropFlip && (N != 2 || M != 9))
        {
            // Silently ignoring a RandAugment setting would make a comparison run measure something else than asked.
            yield return new ValidationResult("n and m apply to randAugment and stackedRandAugment only; remove them or choose one of those policies", [Policy == AugmentPolicy.CropFlip && N != 2 ? nameof(N) : nameof(M)]);
        }
    }
}
