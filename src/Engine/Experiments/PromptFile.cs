namespace ClipHost.Engine.Experiments;

/// <summary>
/// A class-name or template file under the data root's prompts/ folder, in CLIP_benchmark's layouts: a JSON object
/// keyed by dataset name (en_classnames.json, en_zeroshot_classification_templates.json: give <see cref="Key"/>), a
/// JSON list, a JSON object from label to name (class names only), or a .txt file with one entry per line
/// (classnames.txt, zeroshot_classification_templates.txt of its WebDataset layout).
/// </summary>
public sealed record PromptFile
{
    /// <summary>The file, relative to prompts/; it must stay inside it.</summary>
    [Required]
    public string Path { get; init; } = string.Empty;

    /// <summary>The dataset's key in a file keyed by dataset name, e.g. "cifar10".</summary>
    public string? Key { get; init; }
}
