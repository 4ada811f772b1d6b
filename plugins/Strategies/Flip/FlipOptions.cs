using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Strategies.Flip;

/// <summary>FLIP options (Li et al. 2023): how many patches to drop, and how much of the budget to finish unmasked.</summary>
public sealed class FlipOptions
{
    /// <summary>Fraction of patch tokens dropped per image while training, in [0, 1); FLIP's default 0.5.</summary>
    [Range(0.0, 0.99)]
    public double MaskRatio { get; set; } = 0.5;

    /// <summary>
    /// Fraction of the run, at its end, trained on full images ("unmasked tuning", which closes most of the gap to
    /// CLIP at evaluation); 0 keeps masking to the last step.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UnmaskedFraction { get; set; }
}
