using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.IO;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Text;

/// <summary>
/// Builds a new run's tokenizer from its declared vocabulary source (<see cref="VocabularyConfig"/>), so the runs of a
/// study share one vocabulary and a quality cut or a dataset size does not change which evaluation words are unknown;
/// without a source, from the run's own training captions, as runs always were.
/// </summary>
public static class VocabularySource
{
    public const string Field = "model.text.vocabulary";

    /// <summary>A tokenizer file is a list of ids: 64 MiB is far past any vocabulary a model here could embed.</summary>
    public const long MaxFileBytes = 64L << 20;

    public static ClipTokenizer Build(VocabularyConfig? source, int vocabSize, int contextLength, DataLayout layout, Func<IEnumerable<string>> runCaptions)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(runCaptions);
        if (source is null)
        {
            return ClipTokenizer.Build(runCaptions(), vocabSize, contextLength);
        }
        var (tokenizer, errors) = Open(source, vocabSize, contextLength, layout);
        return tokenizer ?? throw new OptionsValidationFailedException(errors);
    }

    /// <summary>What is wrong with a source, before any work: the store or file, its split, its size against the model's.</summary>
    public static IReadOnlyList<OptionError> Validate(VocabularyConfig? source, int vocabSize, int contextLength, DataLayout layout)
    {
        if (source is null)
        {
            return [];
        }
        var own = ComponentOptions.Validate(source, Field);
        if (own.Count > 0)
        {
            return own;
        }
        ArgumentNullException.ThrowIfNull(layout);
        if (source.Store is { } name)
        {
            // The captions are read only when a run builds the tokenizer; here the store and its split must exist.
            var path = layout.Store(name, $"{Field}.store");
            if (!File.Exists(Path.Combine(path, StoreFiles.Manifest)))
            {
                return [new OptionError($"{Field}.store", $"no store '{name}' under {layout.Stores}; import it first (clip-host data import)")];
            }
            using var store = ClipStore.Open(path);
            return source.Split is null || store.Samples.Any(s => s.Split == source.Split) ? []
                : [new OptionError($"{Field}.split", $"store '{name}' has no samples in split '{source.Split}'")];
        }
        return Open(source, vocabSize, contextLength, layout).Errors;
    }

    private static (ClipTokenizer? Tokenizer, IReadOnlyList<OptionError> Errors) Open(VocabularyConfig source, int vocabSize, int contextLength, DataLayout layout)
    {
        if (source.Store is { } name)
        {
            using var store = ClipStore.Open(layout.Store(name, $"{Field}.store"));
            var captions = store.Samples.Where(s => source.Split is null || s.Split == source.Split).SelectMany(s => s.Captions);
            return (ClipTokenizer.Build(captions, vocabSize, contextLength), []);
        }
        const string field = $"{Field}.file";
        if (layout.Tokenizer(source.File!) is not { } path)
        {
            return (null, [new OptionError(field, $"'{source.File}' lies outside {layout.Tokenizers}; name a file inside it")]);
        }
        var (json, problem) = BoundedText.Read(path, MaxFileBytes);
        if (json is null)
        {
            return (null, [new OptionError(field, problem!)]);
        }
        try
        {
            var tokenizer = ClipTokenizer.Parse(json, path);
            return tokenizer.VocabSize <= vocabSize ? (tokenizer.WithContextLength(contextLength), [])
                : (null, [new OptionError(field, $"{path} holds {tokenizer.VocabSize} tokens, more than model.text.vocabSize {vocabSize}")]);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException)
        {
            return (null, [new OptionError(field, e.Message)]);
        }
    }
}
