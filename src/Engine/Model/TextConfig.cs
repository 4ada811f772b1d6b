using System.Text.Json.Serialization;
using ClipHost.Engine.Text;

namespace ClipHost.Engine.Model;

/// <summary>The text tower: a causal transformer pooled at the end-of-text token (open_clip's text_cfg).</summary>
public sealed record TextConfig : IValidatableObject
{
    [Range(3, 512)]
    public int ContextLength { get; init; } = 32;

    [Range(8, 262_144)]
    public int VocabSize { get; init; } = 8192;

    [Range(8, 8192)]
    public int Width { get; init; } = 256;

    [Range(1, 64)]
    public int Layers { get; init; } = 4;

    [Range(1, 64)]
    public int Heads { get; init; } = 4;

    [Range(8, 32768)]
    public int MlpWidth { get; init; } = 1024;

    /// <summary>
    /// Where the tokenizer's vocabulary comes from; null for the run's own training captions. Left out of the JSON when
    /// null, so the config hash of every run made before it existed stays the same.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VocabularyConfig? Vocabulary { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Width % Heads != 0)
        {
            yield return new ValidationResult($"width {Width} must be divisible by heads {Heads}", [nameof(Width)]);
        }
    }
}
