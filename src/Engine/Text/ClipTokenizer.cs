using Microsoft.ML.Tokenizers;
using static TorchSharp.torch;

namespace ClipHost.Engine.Text;

/// <summary>
/// Byte-pair encoding from Microsoft.ML.Tokenizers (cl100k_base), narrowed to a compact vocabulary of the
/// cl100k tokens that the training captions actually use, most frequent first. Small models cannot afford a
/// 100k-row embedding; the compact vocabulary is saved with the model so evaluation tokenizes the same way.
/// Sequences are [SOT, tokens..., EOT, PAD...] as in CLIP; a token outside the vocabulary becomes UNK.
/// </summary>
public sealed class ClipTokenizer
{
    public const int Pad = 0;
    public const int StartOfText = 1;
    public const int EndOfText = 2;
    public const int Unknown = 3;
    public const int SpecialCount = 4;
    public const string BaseEncoding = "cl100k_base";

    private static readonly Lazy<Tokenizer> Bpe = new(() => TiktokenTokenizer.CreateForEncoding(BaseEncoding));
    private readonly Dictionary<int, int> _toCompact;

    private ClipTokenizer(IReadOnlyList<int> vocabulary, int contextLength)
    {
        if (contextLength < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(contextLength), "context length must leave room for SOT, one token and EOT");
        }
        Vocabulary = vocabulary;
        ContextLength = contextLength;
        _toCompact = vocabulary.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i + SpecialCount);
    }

    /// <summary>The cl100k ids kept, in compact-id order (compact id = index + <see cref="SpecialCount"/>).</summary>
    public IReadOnlyList<int> Vocabulary { get; }

    public int ContextLength { get; }

    public int VocabSize => Vocabulary.Count + SpecialCount;

    /// <summary>Keeps the <paramref name="vocabSize"/> - 4 most frequent cl100k tokens of the captions.</summary>
    public static ClipTokenizer Build(IEnumerable<string> captions, int vocabSize, int contextLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, SpecialCount + 1);
        var counts = new Dictionary<int, int>();
        foreach (var caption in captions)
        {
            foreach (var id in Bpe.Value.EncodeToIds(Normalize(caption)))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }
        var kept = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(vocabSize - SpecialCount).Select(kv => kv.Key).ToList();
        return new ClipTokenizer(kept, contextLength);
    }

    /// <summary>Token ids of one text, padded or cut to the context length (EOT always kept).</summary>
    public long[] Encode(string text)
    {
        var result = new long[ContextLength];
        result[0] = StartOfText;
        var n = 1;
        foreach (var id in Bpe.Value.EncodeToIds(Normalize(text)))
        {
            if (n == ContextLength - 1)
            {
                break;
            }
            result[n++] = _toCompact.TryGetValue(id, out var compact) ? compact : Unknown;
        }
        result[n] = EndOfText;
        return result;
    }

    /// <summary>A batch of texts as an int64 tensor [B, ContextLength].</summary>
    public Tensor EncodeBatch(IReadOnlyList<string> texts, Device? device = null)
    {
        var flat = new long[texts.Count * ContextLength];
        for (var i = 0; i < texts.Count; i++)
        {
            Encode(texts[i]).CopyTo(flat, i * ContextLength);
        }
        return tensor(flat, [texts.Count, ContextLength], device: device);
    }

    /// <summary>Fraction of a text's tokens that map to UNK: how well the vocabulary covers it.</summary>
    public double UnknownRate(string text)
    {
        var ids = Bpe.Value.EncodeToIds(Normalize(text));
        return ids.Count == 0 ? 0 : ids.Count(id => !_toCompact.ContainsKey(id)) / (double)ids.Count;
    }

    /// <summary>
    /// The words of a text (as normalised: lower case, split on white space) that have a token outside the vocabulary,
    /// in order, repeats kept. A word is unknown when any token overlapping it maps to UNK, so part of a word counts.
    /// </summary>
    public IReadOnlyList<string> UnknownWords(string text, out int words)
    {
        var normalized = Normalize(text);
        // Normalised text has single spaces and no space at either end, so each word starts one past the last one's end.
        var spans = new List<(int Start, int End)>();
        var position = 0;
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            spans.Add((position, position + word.Length));
            position += word.Length + 1;
        }
        words = spans.Count;
        var unknown = new bool[spans.Count];
        foreach (var token in Bpe.Value.EncodeToTokens(normalized, out _))
        {
            if (_toCompact.ContainsKey(token.Id))
            {
                continue;
            }
            var (start, end) = (token.Offset.Start.GetOffset(normalized.Length), token.Offset.End.GetOffset(normalized.Length));
            for (var w = 0; w < spans.Count; w++)
            {
                unknown[w] |= spans[w].Start < end && start < spans[w].End;
            }
        }
        return [.. spans.Where((_, w) => unknown[w]).Select(span => normalized[span.Start..span.End])];
    }

    /// <summary>The same vocabulary with another context length (a tokenizer file used by a model of another length).</summary>
    public ClipTokenizer WithContextLength(int contextLength) => new(Vocabulary, contextLength);

    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new Saved(BaseEncoding, ContextLength, true, Vocabulary)));

    public static ClipTokenizer Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>A saved tokenizer from its JSON text; <paramref name="source"/> names it in errors.</summary>
    public static ClipTokenizer Parse(string json, string source)
    {
        Saved? saved;
        try
        {
            saved = JsonSerializer.Deserialize<Saved>(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not a tokenizer file: {e.Message}", e);
        }
        if (saved?.Vocab is null)
        {
            throw new InvalidDataException($"{source} is not a tokenizer file: no vocab");
        }
        if (saved.Base != BaseEncoding)
        {
            throw new InvalidDataException($"{source}: tokenizer base '{saved.Base}' is not '{BaseEncoding}'");
        }
        return new ClipTokenizer(saved.Vocab, saved.ContextLength);
    }

    /// <summary>The words of a text as the tokenizer sees them (lower case, split on white space).</summary>
    public static IReadOnlyList<string> Words(string text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>CLIP lower-cases and collapses whitespace before BPE.</summary>
    private static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record Saved(string Base, int ContextLength, bool Lowercase, IReadOnlyList<int> Vocab);
}
