using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>
/// ResNet options: a preset (RN50 by default, or "mini"), with explicit fields overriding it and width and depth
/// scale knobs applied on top.
/// </summary>
public sealed class ResNetOptions : IValidatableObject
{
    internal static readonly int[] StemStrides = [1, 2, 4];

    /// <summary>RN50 or mini.</summary>
    public string Preset { get; set; } = "RN50";

    /// <summary>Base width: the stem's output channels and the first stage's bottleneck width (RN50: 64).</summary>
    [Range(2, 4096)]
    public int? Width { get; set; }

    /// <summary>Bottleneck blocks per stage (RN50: 3, 4, 6, 3).</summary>
    public IReadOnlyList<int>? Layers { get; set; }

    /// <summary>Multiplies the width (rounded to an even number, since the stem's first convolutions use half of it).</summary>
    [Range(0.01, 16)]
    public double WidthScale { get; set; } = 1;

    /// <summary>Multiplies every stage's block count (at least one block each).</summary>
    [Range(0.01, 16)]
    public double DepthScale { get; set; } = 1;

    /// <summary>
    /// Downsampling of the stem: 4 (a stride-2 convolution and a 2x2 average pool, CLIP at 224 px), 2 (the pool only)
    /// or 1 (none); default: the preset's, scaled to the image.
    /// </summary>
    public int? StemStride { get; set; }

    /// <summary>Heads of the attention pooling; default one per 64 channels of the last stage, as CLIP.</summary>
    [Range(1, 256)]
    public int? Heads { get; set; }

    /// <summary>Start every residual branch at zero (its last BatchNorm's scale), as CLIP; false starts it at one.</summary>
    public bool ZeroInitResidual { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ResNetPreset.Find(Preset) is null)
        {
            yield return new ValidationResult($"'{Preset}' is not a ResNet preset; use {string.Join(", ", ResNetPreset.All.Select(p => p.Name))}", [nameof(Preset)]);
        }
        if (Layers is { } l && (l.Count != 4 || l.Any(x => x < 1)))
        {
            yield return new ValidationResult("layers: four stages of at least one block", [nameof(Layers)]);
        }
        if (StemStride is { } s && !StemStrides.Contains(s))
        {
            yield return new ValidationResult("must be 1, 2 or 4", [nameof(StemStride)]);
        }
    }
}
