using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>Mixer options: a preset, or explicit sizes; explicit fields override the preset's.</summary>
public sealed class MixerOptions : IValidatableObject
{
    /// <summary>One of S/32, S/16, B/32, B/16, L/32, L/16, mini; null for explicit sizes.</summary>
    public string? Preset { get; set; }

    /// <summary>Patch side in pixels; default: the preset's grid scaled to the image (8 without a preset).</summary>
    [Range(1, 1024)]
    public int? PatchSize { get; set; }

    [Range(8, 8192)]
    public int? Width { get; set; }

    [Range(1, 128)]
    public int? Depth { get; set; }

    /// <summary>Hidden width of the token-mixing MLP.</summary>
    [Range(1, 65536)]
    public int? TokenMlp { get; set; }

    /// <summary>Hidden width of the channel-mixing MLP.</summary>
    [Range(1, 65536)]
    public int? ChannelMlp { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Preset is not null && MixerPreset.Find(Preset) is null)
        {
            yield return new ValidationResult($"'{Preset}' is not a Mixer preset; use {string.Join(", ", MixerPreset.All.Select(p => p.Name))}", [nameof(Preset)]);
        }
        else if (Preset is null && (Width is null || Depth is null || TokenMlp is null || ChannelMlp is null))
        {
            yield return new ValidationResult("give a preset, or width, depth, tokenMlp and channelMlp", [nameof(Preset)]);
        }
    }
}
