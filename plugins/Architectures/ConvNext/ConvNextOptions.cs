using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>
/// ConvNeXt options: a preset's stages (T: depths 3-3-9-3, widths 96-192-384-768) scaled by <see cref="WidthScale"/>
/// and <see cref="DepthScale"/>, or explicit depths and widths.
/// </summary>
public sealed class ConvNextOptions : IValidatableObject
{
    /// <summary>T (ConvNeXt-T) or mini.</summary>
    public string Preset { get; set; } = "T";

    /// <summary>Blocks per stage; default the preset's (times <see cref="DepthScale"/>, at least 1).</summary>
    public IReadOnlyList<int>? Depths { get; set; }

    /// <summary>Channels per stage; default the preset's (times <see cref="WidthScale"/>).</summary>
    public IReadOnlyList<int>? Widths { get; set; }

    [Range(0.01, 16)]
    public double WidthScale { get; set; } = 1;

    [Range(0.01, 16)]
    public double DepthScale { get; set; } = 1;

    /// <summary>Stem patch (stride) in pixels; default the preset's map size scaled to the image (T: 4 at 224 px).</summary>
    [Range(1, 64)]
    public int? StemPatch { get; set; }

    /// <summary>Stochastic depth: drop-path rate of the last block, rising linearly from 0 (ConvNeXt-T uses 0.1).</summary>
    [Range(0.0, 0.9)]
    public double DropPath { get; set; }

    /// <summary>Initial value of the per-channel layer scale; default the preset's (T: 1e-6).</summary>
    [Range(0.0, 10.0)]
    public double? LayerScaleInit { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConvNextPreset.Find(Preset) is null)
        {
            yield return new ValidationResult($"'{Preset}' is not a ConvNeXt preset; use {string.Join(", ", ConvNextPreset.All.Select(p => p.Name))}", [nameof(Preset)]);
        }
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
