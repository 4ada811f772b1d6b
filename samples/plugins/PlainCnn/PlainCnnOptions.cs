using System.ComponentModel.DataAnnotations;

namespace ClipHost.Samples.PlainCnn;

/// <summary>
/// Options are a plain class: DataAnnotations for single fields, <see cref="IValidatableObject"/> for rules across
/// fields. The host binds them from the config's camelCase JSON and refuses unknown fields before any work starts.
/// </summary>
public sealed class PlainCnnOptions : IValidatableObject
{
    /// <summary>"mini" (the quickstart size every architecture offers) or "wide".</summary>
    public string Preset { get; set; } = "mini";

    /// <summary>Channels of the four stages; default the preset's.</summary>
    public IReadOnlyList<int>? Widths { get; set; }

    /// <summary>3x3 convolutions per stage.</summary>
    [Range(1, 16)]
    public int BlocksPerStage { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PlainCnnEncoderFactory.PresetWidths.ContainsKey(Preset))
        {
            yield return new ValidationResult($"'{Preset}' is not a preset; use {string.Join(", ", PlainCnnEncoderFactory.PresetWidths.Keys)}", [nameof(Preset)]);
        }
        if (Widths is { } w && (w.Count != 4 || w.Any(x => x < 1)))
        {
            yield return new ValidationResult("widths: four positive channel counts", [nameof(Widths)]);
        }
    }
}
