using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>Swin options: a preset (default T), with any of its sizes overridden by the explicit fields.</summary>
public sealed class SwinOptions : IValidatableObject
{
    /// <summary>"T" (Swin-T) or "mini" (for 32-64 px images).</summary>
    [Required]
    public string Preset { get; set; } = "T";

    /// <summary>Patch side in pixels; default: the preset's token grid scaled to the image.</summary>
    [Range(1, 1024)]
    public int? PatchSize { get; set; }

    /// <summary>Channels of stage 0; stage s has embedDim x 2^s.</summary>
    [Range(1, 4096)]
    public int? EmbedDim { get; set; }

    /// <summary>Blocks per stage (four stages).</summary>
    public IReadOnlyList<int>? Depths { get; set; }

    /// <summary>Attention heads per stage (four stages); each stage's width must be divisible by its heads.</summary>
    public IReadOnlyList<int>? Heads { get; set; }

    /// <summary>Attention window side in tokens; a stage whose map is no larger uses the whole map, unshifted.</summary>
    [Range(1, 64)]
    public int? WindowSize { get; set; }

    [Range(0.25, 16)]
    public double MlpRatio { get; set; } = 4;

    /// <summary>Stochastic depth: drop-path rate of the last block, rising linearly from 0 (Swin-T uses 0.2).</summary>
    [Range(0.0, 0.9)]
    public double DropPath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SwinPreset.Find(Preset) is not { } preset)
        {
            yield return new ValidationResult($"'{Preset}' is not a Swin preset; use {string.Join(", ", SwinPreset.All.Select(p => p.Name))}", [nameof(Preset)]);
            yield break;
        }
        if (Depths is { } d && (d.Count != 4 || d.Any(x => x < 1)))
        {
            yield return new ValidationResult("depths: four stages of at least one block", [nameof(Depths)]);
        }
        if (Heads is { } h && (h.Count != 4 || h.Any(x => x < 1)))
        {
            yield return new ValidationResult("heads: four positive head counts", [nameof(Heads)]);
            yield break;
        }
        var embedDim = EmbedDim ?? preset.EmbedDim;
        var heads = Heads ?? preset.Heads;
        var stage = Enumerable.Range(0, 4).FirstOrDefault(s => (embedDim << s) % heads[s] != 0, -1);
        if (stage >= 0)
        {
            yield return new ValidationResult(
                $"stage {stage}'s width {embedDim << stage} (embedDim {embedDim} x {1 << stage}) is not divisible by its {heads[stage]} heads",
                [nameof(Heads)]);
        }
    }
}
