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

    /// <summary>Zero-shot only: the class names with an unknown word.</summary>
    public IReadOnlyList<string>? ClassNamesWithUnknownWords { get; init; }

    /// <summary>Counts every word of the class names and of the templates (their own words, without {c}).</summary>
    public static VocabularyCoverage OfPrompts(ClipTokenizer tokenizer, IReadOnlyList<string> classNames, IReadOnlyList<string> templates)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var unknownNames = classNames.Where(n => tokenizer.UnknownWords(n, out _).Count > 0).ToList();
        return Of(tokenizer, classNames.Concat(templates.Select(t => t.Replace("{c}", " ", StringComparison.Ordinal)))) with { ClassNamesWithUnknownWords = unknownNames };
    }

    /// <summary>Counts every word of the texts (retrieval: the captions evaluated).</summary>
    public static VocabularyCoverage Of(ClipTokenizer tokenizer, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var words = 0;
        var unknown = new List<string>();
        foreach (var text in texts)
        {
            unknown.AddRange(tokenizer.UnknownWords(text, out var count));
            words += count;
        }
        return new VocabularyCoverage
        {
            UnknownWordRate = words == 0 ? 0 : unknown.Count / (double)words,
            Words = words,
            UnknownWords = [.. unknown.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxListed)],
        };
    }
}
