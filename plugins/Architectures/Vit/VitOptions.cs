using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Architectures.Vit;

/// <summary>ViT options: a preset from the ladder, or explicit sizes; explicit fields override the preset's.</summary>
public sealed class VitOptions : IValidatableObject
{
    /// <summary>One of Ti/16, Ti/32, S/16, S/32, B/16, B/32, L/16, L/32, mini; null for explicit sizes.</summary>
    public string? Preset { get; set; }

    /// <summary>Patch side in pixels; default: the preset's grid scaled to the image (8 without a preset).</summary>
    [Range(1, 1024)]
    public int? PatchSize { get; set; }

    [Range(8, 8192)]
    public int? Width { get; set; }

    [Range(1, 128)]
    public int? Depth { get; set; }

    [Range(1, 128)]
    public int? Heads { get; set; }

    [Range(0.25, 16)]
    public double MlpRatio { get; set; } = 4;

    /// <summary>"cls" (a class token, as CLIP) or "mean" (global average of the patch tokens).</summary>
    [RegularExpression("^(cls|mean)$", ErrorMessage = "must be 'cls' or 'mean'")]
    public string Pool { get; set; } = "cls";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Preset is not null && VitPreset.Find(Preset) is null)
        {
            yield return new ValidationResult($"'{Preset}' is not a ViT preset; use {string.Join(", ", VitPreset.All.Select(p => p.Name))}", [nameof(Preset)]);
            yield break;
        }
        var (width, heads) = (Width ?? VitPreset.Find(Preset ?? string.Empty)?.Width, Heads ?? VitPreset.Find(Preset ?? string.Empty)?.Heads);
        if (Preset is null && (Width is null || Depth is null || Heads is null))
        {
            yield return new ValidationResult("give a preset, or width, depth and heads", [nameof(Preset)]);
        }
        else if (width % heads != 0)
        {
            yield return new ValidationResult($"width {width} must be divisible by heads {heads}", [nameof(Width)]);
        }
    }
}
