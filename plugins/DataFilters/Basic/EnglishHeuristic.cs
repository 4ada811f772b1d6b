using System.Text;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// A hand-written stand-in for DataComp's fastText language detection (no language-detection package is served here):
/// the caption is split into words (runs of letters, also split where camelCase turns upper-case: "StopSign"), words
/// of one letter are ignored (the "e" and "a" of Italian and English alike), an e-mail address or URL counts as one
/// non-English word, and each word is looked up in <see cref="EnglishLexicon"/>. Limits: a short foreign caption
/// whose words happen to be English words or names ("Casa verde" reads as two names) passes, English words missing
/// from the list (new compounds, brand names) count against a caption, and an English caption full of names is judged
/// on its remaining words only.
/// </summary>
public static class EnglishHeuristic
{
    /// <summary>Counts a caption's English, name and other words and its share of Latin letters.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="lexicon">The word list.</param>
    /// <returns>The counts.</returns>
    public static EnglishJudgement Judge(string caption, EnglishLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(lexicon);
        int letters = 0, latin = 0, english = 0, names = 0, other = 0;
        foreach (var rune in caption.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                letters++;
                latin += IsLatin(rune) ? 1 : 0;
            }
        }
        foreach (var chunk in caption.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsAddress(chunk))
            {
                other++;
                continue;
            }
            foreach (var word in Words(chunk))
            {
                switch (lexicon.Classify(word))
                {
                    case WordKind.English: english++; break;
                    case WordKind.Name: names++; break;
                    default: other++; break;
                }
            }
        }
        return new EnglishJudgement(english, names, other, letters == 0 ? 1.0 : (double)latin / letters);
    }

    /// <summary>The lower-case words of two letters or more in a whitespace-free chunk.</summary>
    /// <param name="chunk">Text without whitespace.</param>
    /// <returns>The words.</returns>
    public static IEnumerable<string> Words(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var start = -1;
        for (var i = 0; i <= chunk.Length; i++)
        {
            var letter = i < chunk.Length && char.IsLetter(chunk[i]);
            var camel = letter && start >= 0 && char.IsUpper(chunk[i]) && char.IsLower(chunk[i - 1]);
            if (start >= 0 && (!letter || camel))
            {
                if (i - start >= 2)
                {
                    yield return chunk[start..i].ToLowerInvariant();
                }
                start = -1;
            }
            if (letter && start < 0)
            {
                start = i;
            }
        }
    }

    // Uploaders' e-mail addresses and links are common junk titles; split into letters they would read as words.
    private static bool IsAddress(string chunk) =>
        chunk.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && chunk.IndexOf('.', at) > at + 1
        || chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    // Basic Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional: English with the odd "café" or "Côte".
    private static bool IsLatin(Rune rune) => rune.Value <= 0x024F || rune.Value is >= 0x1E00 and <= 0x1EFF;
}
