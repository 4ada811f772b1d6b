using System.Text.Json.Serialization;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// One evaluation result in CLIP_benchmark's shape (dataset, model, pretrained, task, metrics, language), plus
/// what the tool knows beyond it: how many samples and classes, and the chance level of each metric.
/// </summary>
public sealed record EvalResult
{
    public required string Dataset { get; init; }
    public required string Model { get; init; }
    public required string Pretrained { get; init; }
    public required string Task { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    public IReadOnlyDictionary<string, double> Chance { get; init; } = new Dictionary<string, double>();
    public string Language { get; init; } = "en";
    public required int Samples { get; init; }
    public int? Classes { get; init; }
    public required string Selection { get; init; }

    /// <summary>How much of the evaluation's text (class names and templates, or captions) the tokenizer knows.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VocabularyCoverage? Vocabulary { get; init; }
    /// <summary>What a probe chose on its validation split (e.g. "l2"); null for tasks that fit nothing.</summary>
    public IReadOnlyDictionary<string, double>? Hyperparameters { get; init; }

    /// <summary>Samples per split a probe used ("train", "val", "test"); null for tasks without splits.</summary>
    public IReadOnlyDictionary<string, int>? SplitSizes { get; init; }
}
