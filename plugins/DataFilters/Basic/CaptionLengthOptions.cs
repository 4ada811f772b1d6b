using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Bounds on the primary caption's length; unset bounds do not filter.</summary>
public sealed class CaptionLengthOptions : IValidatableObject
{
    [Range(0, 10_000, ErrorMessage = "minWords must be in [0, 10000]")]
    public int? MinWords { get; set; }

    [Range(1, 10_000, ErrorMessage = "maxWords must be in [1, 10000]")]
    public int? MaxWords { get; set; }

    [Range(0, 100_000, ErrorMessage = "minChars must be in [0, 100000]")]
    public int? MinChars { get; set; }

    [Range(1, 100_000, ErrorMessage = "maxChars must be in [1, 100000]")]
    public int? MaxChars { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinWords > MaxWords)
        {
            yield return new ValidationResult("minWords must not exceed maxWords", [nameof(MinWords)]);
        }
        if (MinChars > MaxChars)
        {
            yield return new ValidationResult("minChars must not exceed maxChars", [nameof(MinChars)]);
        }
    }
}
