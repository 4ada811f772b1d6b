using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>
/// ConvNeXt options: ConvNeXt-T's stages (depths 3-3-9-3, widths 96-192-384-768) scaled by <see cref="WidthScale"/>
/// and <see cref="DepthScale"/>, or explicit depths and widths.
/// </summary>
public sealed class ConvNextOptions : IValidatableObject
{
    /// <summary>Blocks per stage; default ConvNeXt-T's 3, 3, 9, 3 (times <see cref="DepthScale"/>, at least 1).</summary>
    public IReadOnlyList<int>? Depths { get; set; }

    /// <summary>Channels per stage; default ConvNeXt-T's 96, 192, 384, 768 (times <see cref="WidthScale"/>).</summary>
    public IReadOnlyList<int>? Widths { get; set; }

    [Range(0.01, 16)]
    public double WidthScale { get; set; } = 1;

    [Range(0.01, 16)]
    public double DepthScale { get; set; } = 1;

    /// <summary>Stem patch (stride) in pixels: 4 at 224 px; smaller images may want 2 or 1.</summary>
    [Range(1, 64)]
    public int StemPatch { get; set; } = 4;

    /// <summary>Stochastic depth: drop-path rate of the last block, rising linearly from 0 (ConvNeXt-T uses 0.1).</summary>
    [Range(0.0, 0.9)]
    public double DropPath { get; set; }

    /// <summary>Initial value of the per-channel layer scale.</summary>
    [Range(0.0, 10.0)]
    public double LayerScaleInit { get; set; } = 1e-6;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Depths is { } d && (d.Count != 4 || d.Any(x => x < 1)))
        {
            yield return new ValidationResult("depths: four stages of at least one block", [nameof(Depths)]);
        }
        if (Widths is { } w && (w.Count != 4 || w.Any(x => x < 1)))
        {
            yield return new ValidationResult("widths: four positive channel counts", [nameof(Widths)]);
        }
    }
}
