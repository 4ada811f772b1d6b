using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Bounds on the source image's size (before the store's resize); unset bounds do not filter, but one must be set.</summary>
public sealed class ImageSizeOptions : IValidatableObject
{
    [Range(1, 1_000_000, ErrorMessage = "minWidth must be in [1, 1000000] pixels")]
    public int? MinWidth { get; set; }

    [Range(1, 1_000_000, ErrorMessage = "minHeight must be in [1, 1000000] pixels")]
    public int? MinHeight { get; set; }

    /// <summary>Least length of the shorter side (DataComp's basic filter asks for 200).</summary>
    [Range(1, 1_000_000, ErrorMessage = "minSide must be in [1, 1000000] pixels")]
    public int? MinSide { get; set; }

    /// <summary>Largest long side / short side (DataComp's basic filter asks for less than 3).</summary>
    [Range(1.0, 1_000_000.0, ErrorMessage = "maxAspectRatio must be at least 1 (long side / short side)")]
    public double? MaxAspectRatio { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A size filter with no bound keeps everything: almost certainly a config mistake.
        if (MinWidth is null && MinHeight is null && MinSide is null && MaxAspectRatio is null)
        {
            yield return new ValidationResult("give at least one of minWidth, minHeight, minSide and maxAspectRatio");
        }
    }
}
