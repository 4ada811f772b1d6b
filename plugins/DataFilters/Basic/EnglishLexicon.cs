using System.Collections.Concurrent;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// A word list read once per file: lower-case entries are English words, entries found only capitalised are names
/// ("Nero", "Tanzania"), which say nothing about a caption's language. Possessive entries ("cat's") are skipped
/// because captions are split at apostrophes.
/// </summary>
public sealed class EnglishLexicon
{
    // Half a compound must be at least this long: with three-letter halves too many Italian words split into two
    // English ones ("sign|ore", "pun|tine"); four keeps "light|bulb", "paper|clip" and "super|hero".
    private const int MinCompoundPart = 4;

    private static readonly ConcurrentDictionary<(string Path, DateTime Written), Lazy<EnglishLexicon>> Loaded = new();

    private readonly HashSet<string> _words;
    private readonly HashSet<string> _names;

    private EnglishLexicon(HashSet<string> words, HashSet<string> names)
    {
        _words = words;
        _names = names;
    }

    /// <summary>Number of common (lower-case) words.</summary>
    public int WordCount => _words.Count;

    /// <summary>Number of names (entries found only capitalised).</summary>
    public int NameCount => _names.Count;

    /// <summary>The lexicon of a word list file, read on first use and shared until the file changes.</summary>
    /// <param name="path">The word list, UTF-8, one entry a line.</param>
    /// <returns>The lexicon.</returns>
    public static EnglishLexicon Load(string path)
    {
        var full = Path.GetFullPath(path);
        var key = (full, File.GetLastWriteTimeUtc(full));
        return Loaded.GetOrAdd(key, k => new Lazy<EnglishLexicon>(() => Read(k.Path))).Value;
    }

    /// <summary>Builds a lexicon from entries given in memory (tests, embedded lists).</summary>
    /// <param name="entries">Word list entries as a dictionary file holds them.</param>
    /// <returns>The lexicon.</returns>
    public static EnglishLexicon FromEntries(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0 || entry.Contains('\'', StringComparison.Ordinal) || entry.Contains('\u2019', StringComparison.Ordinal))
            {
                continue;
            }
            var lower = entry.ToLowerInvariant();
            (lower == entry ? words : names).Add(lower);
        }
        names.ExceptWith(words);
        return new EnglishLexicon(words, names);
    }

    /// <summary>What a lower-case word is: an English word (or a compound of two), a name, or neither.</summary>
    /// <param name="word">The word, lower-case, letters only.</param>
    /// <returns>Its kind.</returns>
    public WordKind Classify(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_words.Contains(word))
        {
            return WordKind.English;
        }
        if (_names.Contains(word))
        {
            return WordKind.Name;
        }
        // Clip-art titles glue words together ("lightbulb", "floppydisk"); a split into two words counts as English.
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var cut = MinCompoundPart; cut <= word.Length - MinCompoundPart; cut++)
        {
            if (lookup.Contains(word.AsSpan(0, cut)) && lookup.Contains(word.AsSpan(cut)))
            {
                return WordKind.English;
            }
        }
        return WordKind.Other;
    }

    private static EnglishLexicon Read(string path) => FromEntries(File.ReadLines(path, System.Text.Encoding.UTF8));
}
