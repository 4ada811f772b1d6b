using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>
/// Which teacher scores the pairs (one, or cross-fitted teachers), and the cut: the top k percent of the candidates or a
/// score threshold, not both.
/// </summary>
public sealed class ClipScoreOptions : IValidatableObject
{
    /// <summary>A run id under the runs root, or a run or checkpoint folder; the host checks that it exists.</summary>
    public string? Teacher { get; set; }

    /// <summary>
    /// Cross-fitting instead of one teacher: two or more runs, each trained on part of this store (recorded in its
    /// subset/ folder), and every pair is scored only by the teachers that never trained on it.
    /// </summary>
    public IReadOnlyList<string>? Teachers { get; set; }

    [Range(double.Epsilon, 100.0, ErrorMessage = "topPercent must be in (0, 100]")]
    public double? TopPercent { get; set; }

    [Range(-1.0, 1.0, ErrorMessage = "threshold must be in [-1, 1] (a cosine similarity)")]
    public double? Threshold { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Teacher) == Teachers is null)
        {
            yield return new ValidationResult("give exactly one of teacher (a run id or a run/checkpoint folder) and teachers (two or more, for cross-fitting)", [nameof(Teacher), nameof(Teachers)]);
        }
        else if (Teachers is not null && (Teachers.Count < 2 || Teachers.Any(string.IsNullOrWhiteSpace) || Teachers.Distinct(StringComparer.Ordinal).Count() != Teachers.Count))
        {
            yield return new ValidationResult("teachers: give two or more different runs, each trained on its own part of the store", [nameof(Teachers)]);
        }
        else if (Teachers is not null && Threshold is not null)
        {
            // Cross-fitted scores are ranks within each teacher (its cosines need not share a scale with another's).
            yield return new ValidationResult("threshold is a cosine of one teacher; cross-fitted teachers score by rank, so give topPercent", [nameof(Threshold)]);
        }
        if (TopPercent is null == Threshold is null)
        {
            yield return new ValidationResult("give exactly one of topPercent and threshold", [nameof(TopPercent), nameof(Threshold)]);
        }
    }
}
