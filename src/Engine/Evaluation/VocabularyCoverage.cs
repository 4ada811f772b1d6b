using ClipHost.Engine.Experiments;
using ClipHost.Engine.Text;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// How much of an evaluation's text the tokenizer knows: a word with a token outside the vocabulary reaches the model
/// as UNK, so class names made of unknown words cannot be told apart, whatever the model learned.
/// </summary>
public sealed record VocabularyCoverage
{
    /// <summary>Unknown words reported by name at most; the rate counts them all.</summary>
    public const int MaxListed = 100;

    /// <summary>Unknown words over all words of the texts (class names and templates, or captions).</summary>
    public required double UnknownWordRate { get; init; }

    public required int Words { get; init; }

    /// <summary>The distinct unknown words, in ordinal order, at most <see cref="MaxListed"/>.</summary>
    public required IReadOnlyList<string> UnknownWords { get; init; }

    /// <summary>Zero-shot only: the class names with an unknown word in at least one of their prompts.</summary>
    public IReadOnlyList<string>? ClassNamesWithUnknownWords { get; init; }

    /// <summary>
    /// Zero-shot only: the class names with an unknown word in every one of their prompts, which the model never reads
    /// whole (names all of whose words are unknown give two classes the same prompts).
    /// </summary>
    public IReadOnlyList<string>? ClassNamesUnknownInEveryPrompt { get; init; }

    /// <summary>
    /// Counts every word of every prompt (each class name in each template), tokenized as the model reads it: a word's
    /// tokens depend on what stands before it (" shapes" after a space is another cl100k token than "shapes" opening a
    /// text), so a class name is judged where the template puts it, not on its own.
    /// </summary>
    public static VocabularyCoverage OfPrompts(ClipTokenizer tokenizer, IReadOnlyList<string> classNames, IReadOnlyList<string> templates)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(classNames);
        var inSome = new List<string>();
        var inEvery = new List<string>();
        var prompts = new List<(IReadOnlyList<string> Unknown, int Words)>();
        foreach (var name in classNames)
        {
            // A prompt's unknown word is the name's when the name has that word (a template word equal to one is rare).
            var nameWords = ClipTokenizer.Words(name).ToHashSet(StringComparer.Ordinal);
            var own = PromptTemplates.Expand(templates, name).Select(p => (Unknown: tokenizer.UnknownWords(p, out var words), Words: words)).ToList();
            prompts.AddRange(own);
            var unknownIn = own.Count(p => p.Unknown.Any(nameWords.Contains));
            if (unknownIn > 0)
            {
                inSome.Add(name);
            }
            if (unknownIn > 0 && unknownIn == own.Count)
            {
                inEvery.Add(name);
            }
        }
        return Tally(prompts) with { ClassNamesWithUnknownWords = inSome, ClassNamesUnknownInEveryPrompt = inEvery };
    }

    /// <summary>Counts every word of the texts (retrieval: the captions evaluated).</summary>
    public static VocabularyCoverage Of(ClipTokenizer tokenizer, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return Tally(texts.Select(t => (Unknown: tokenizer.UnknownWords(t, out var words), Words: words)));
    }

    private static VocabularyCoverage Tally(IEnumerable<(IReadOnlyList<string> Unknown, int Words)> texts)
    {
        var words = 0;
        var unknown = new List<string>();
        foreach (var text in texts)
        {
            unknown.AddRange(text.Unknown);
            words += text.Words;
        }
        return new VocabularyCoverage
        {
            UnknownWordRate = words == 0 ? 0 : unknown.Count / (double)words,
            Words = words,
            UnknownWords = [.. unknown.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxListed)],
        };
    }
}
