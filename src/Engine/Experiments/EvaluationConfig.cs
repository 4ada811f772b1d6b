using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Experiments;

/// <summary>One evaluation: zero-shot classification over a label set, or image-text retrieval.</summary>
public sealed record EvaluationConfig : IValidatableObject
{
    /// <summary>Names the result file and the dataset in it, e.g. "emoji-google".</summary>
    [Required]
    [Identifier]
    public string Name { get; init; } = string.Empty;

    /// <summary>"zeroshot_classification" or "zeroshot_retrieval" (CLIP_benchmark's task names).</summary>
    [RegularExpression("^(zeroshot_classification|zeroshot_retrieval)$", ErrorMessage = "must be zeroshot_classification or zeroshot_retrieval")]
    public string Task { get; init; } = "zeroshot_classification";

    /// <summary>A store's name under the stores root; never a path.</summary>
    [Required]
    [Identifier]
    public string Store { get; init; } = string.Empty;

    public SampleSelection Samples { get; init; } = new();

    /// <summary>The label set to classify (zero-shot only), e.g. "subcategory".</summary>
    public string? Labels { get; init; }

    /// <summary>A built-in template set (emoji, clipart, photo, plain) or null for explicit Templates.</summary>
    public string? TemplateSet { get; init; } = "plain";

    /// <summary>Explicit prompt templates with {c} for the class name; override TemplateSet.</summary>
    public IReadOnlyList<string>? Templates { get; init; }

    /// <summary>Class names in the config (label to name, or a list in label order); applied over <see cref="ClassNamesFile"/>.</summary>
    public ClassNames? ClassNames { get; init; }

    /// <summary>Class names from a file under prompts/ (CLIP_benchmark's layouts); labels stand for themselves without one.</summary>
    public PromptFile? ClassNamesFile { get; init; }

    /// <summary>Templates from a file under prompts/ (CLIP_benchmark's layouts); override TemplateSet.</summary>
    public PromptFile? TemplatesFile { get; init; }

    /// <summary>Evaluate at most this many samples (an even, seeded subset), for speed.</summary>
    [Range(1, int.MaxValue)]
    public int? Limit { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Task == "zeroshot_classification" && string.IsNullOrEmpty(Labels))
        {
            yield return new ValidationResult("zero-shot classification needs a label set", [nameof(Labels)]);
        }
        if (Templates is { } t && t.Any(x => !x.Contains("{c}", StringComparison.Ordinal)))
        {
            yield return new ValidationResult("every template must contain {c}", [nameof(Templates)]);
        }
    }
}
