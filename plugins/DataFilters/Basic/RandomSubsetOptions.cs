using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Keep a seeded random share of the candidates: a fraction or a count, not both.</summary>
public sealed class RandomSubsetOptions : IValidatableObject
{
    [Range(double.Epsilon, 1.0, ErrorMessage = "fraction must be in (0, 1]")]
    public double? Fraction { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "count must be at least 1")]
    public int? Count { get; set; }

    /// <summary>
    /// Keep what the same draw leaves out instead: with the same seed and candidates, a subset and its complement are
    /// disjoint and together cover every candidate (the two halves of a cross-fitted teacher pair).
    /// </summary>
    public bool Complement { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Fraction is null == Count is null)
        {
            yield return new ValidationResult("give exactly one of fraction and count", [nameof(Fraction), nameof(Count)]);
        }
    }
}
