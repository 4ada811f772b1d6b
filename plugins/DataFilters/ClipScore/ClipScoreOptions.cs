using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>Which teacher scores the pairs, and the cut: the top k percent of the candidates or a score threshold, not both.</summary>
public sealed class ClipScoreOptions : IValidatableObject
{
    /// <summary>A run id under the runs root, or a run or checkpoint folder; the host checks that it exists.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "teacher is required: a run id or a run/checkpoint folder")]
    public string? Teacher { get; set; }

    [Range(double.Epsilon, 100.0, ErrorMessage = "topPercent must be in (0, 100]")]
    public double? TopPercent { get; set; }

    [Range(-1.0, 1.0, ErrorMessage = "threshold must be in [-1, 1] (a cosine similarity)")]
    public double? Threshold { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TopPercent is null == Threshold is null)
        {
            yield return new ValidationResult("give exactly one of topPercent and threshold", [nameof(TopPercent), nameof(Threshold)]);
        }
    }
}
