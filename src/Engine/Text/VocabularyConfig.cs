using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Text;

/// <summary>
/// A declared source for the tokenizer's vocabulary, shared by every run of a study: the captions of a store (all of
/// them, or one split), or a tokenizer file (a run's checkpoint tokenizer.json copied under the data root's tokenizers/).
/// </summary>
public sealed record VocabularyConfig : IValidatableObject
{
    /// <summary>A store's name: its captions make the vocabulary.</summary>
    [Identifier]
    public string? Store { get; init; }

    /// <summary>With a store: only this split's captions ("train", "val", "test"); null for all of them.</summary>
    [RegularExpression("^(train|val|test)$", ErrorMessage = "must be train, val or test")]
    public string? Split { get; init; }

    /// <summary>A tokenizer file, relative to tokenizers/ and inside it.</summary>
    public string? File { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Store is null) == (File is null))
        {
            yield return new ValidationResult("give either a store or a file", [nameof(Store)]);
        }
        if (Split is not null && Store is null)
        {
            yield return new ValidationResult("a split selects a store's captions; give the store", [nameof(Split)]);
        }
    }
}
