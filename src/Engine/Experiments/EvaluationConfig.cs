using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Experiments;

/// <summary>One evaluation: zero-shot classification over a label set, image-text retrieval, or a linear probe (full or few-shot).</summary>
public sealed record EvaluationConfig : IValidatableObject
{
    /// <summary>Names the result file and the dataset in it, e.g. "emoji-google".</summary>
    [Required]
    [Identifier]
    public string Name { get; init; } = string.Empty;

    /// <summary>"zeroshot_classification", "zeroshot_retrieval", "linear_probe" (CLIP_benchmark's task names) or "few_shot".</summary>
    [RegularExpression("^(zeroshot_classification|zeroshot_retrieval|linear_probe|few_shot)$", ErrorMessage = "must be zeroshot_classification, zeroshot_retrieval, linear_probe or few_shot")]
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

    /// <summary>Options of the linear_probe and few_shot tasks.</summary>
    public ProbeConfig Probe { get; init; } = new();

    /// <summary>Whether the task fits a probe (linear_probe, few_shot) on the store's splits.</summary>
    public bool IsProbe => Task is "linear_probe" or "few_shot";

    /// <summary>Evaluate at most this many samples (of the test split for a probe) (an even, seeded subset), for speed.</summary>
    [Range(1, int.MaxValue)]
    public int? Limit { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Task == "zeroshot_classification" || IsProbe) && string.IsNullOrEmpty(Labels))
        {
            yield return new ValidationResult($"{Task} needs a label set", [nameof(Labels)]);
        }
        if (IsProbe && Samples.Split is not null)
        {
            yield return new ValidationResult("a probe takes its splits from probe.train, probe.val and probe.test; leave samples.split out", ["samples.split"]);
        }
        if (Templates is { } t && t.Any(x => !x.Contains("{c}", StringComparison.Ordinal)))
        {
            yield return new ValidationResult("every template must contain {c}", [nameof(Templates)]);
        }
    }
}
