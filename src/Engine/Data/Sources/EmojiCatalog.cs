using System.Text.RegularExpressions;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// The emoji every style is joined to: emoji-datasource's entries (names, category, subcategory, skin tones;
/// the base emoji's code point is the split group) and emojibase's CLDR labels and tags (the captions). A style
/// finds its emoji by code point, or by name where its package maps no code points.
/// </summary>
internal sealed partial class EmojiCatalog
{
    private const int TagsInCaption = 6;
    private readonly Dictionary<string, EmojibaseEntry> _emojibase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmojiMatch> _byCodePoint = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);

    public EmojiCatalog(IReadOnlyList<EmojiDatasourceEntry> entries, IReadOnlyList<EmojibaseEntry> emojibase)
    {
        Entries = [.. entries.OrderBy(e => e.SortOrder)];
        foreach (var entry in emojibase)
        {
            AddEmojibase(entry, entry.Tags);
        }
        foreach (var entry in Entries)
        {
            _byCodePoint.TryAdd(Normalise(entry.Unified), new EmojiMatch(entry, entry.Unified, null));
            foreach (var (tone, variant) in entry.SkinVariations ?? [])
            {
                _byCodePoint.TryAdd(Normalise(variant.Unified), new EmojiMatch(entry, variant.Unified, tone));
            }
            AddName(entry.Name, entry.Unified);
            foreach (var shortName in entry.ShortNames)
            {
                AddName(shortName, entry.Unified);
            }
        }
    }

    /// <summary>emoji-datasource's entries in its sort order (the PNG styles' order).</summary>
    public IReadOnlyList<EmojiDatasourceEntry> Entries { get; }

    public static async Task<EmojiCatalog> LoadAsync(string emojiJson, string emojibaseJson, CancellationToken cancellationToken)
    {
        await using var datasource = File.OpenRead(emojiJson);
        var entries = await JsonSerializer.DeserializeAsync<List<EmojiDatasourceEntry>>(datasource, Json, cancellationToken).ConfigureAwait(false);
        await using var emojibase = File.OpenRead(emojibaseJson);
        var labels = await JsonSerializer.DeserializeAsync<List<EmojibaseEntry>>(emojibase, Json, cancellationToken).ConfigureAwait(false);
        return new EmojiCatalog(entries ?? [], labels ?? []);
    }

    /// <summary>
    /// A code point in any spelling ("1f44b-1f3fb", "0023-FE0F-20E3", "23-20e3") as the catalogue keys it:
    /// upper-case, no leading zeros, FE0F (the emoji presentation selector, which sets write or leave out) dropped.
    /// </summary>
    public static string Normalise(string codePoint) => string.Join('-', codePoint
        .Split('-', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.TrimStart('0').ToUpperInvariant())
        .Where(p => p.Length > 0 && p != "FE0F"));

    /// <summary>The emoji (or skin-tone variant) with this code point; null when emoji-datasource has none.</summary>
    public EmojiMatch? Find(string codePoint) => _byCodePoint.TryGetValue(Normalise(codePoint), out var match) ? match : null;

    /// <summary>The code point of the emoji this name (a CLDR label, Unicode name or short name in any case and punctuation) names.</summary>
    public string? CodePointOf(string name) =>
        _byName.GetValueOrDefault(Slug(name)) ?? _byName.GetValueOrDefault(Slug(name).Replace("-", string.Empty, StringComparison.Ordinal));

    /// <summary>The CLDR label first (what zero-shot prompts name), then the Unicode name, short names, and label with tags.</summary>
    public List<string?> Captions(EmojiDatasourceEntry entry, string unified)
    {
        var known = Lookup(unified) ?? Lookup(entry.Unified);
        var name = entry.Name?.ToLowerInvariant();
        var label = known?.Label ?? name;
        var captions = new List<string?> { label, name };
        captions.AddRange(entry.ShortNames.Select(s => s.Replace('_', ' ')));
        if (known?.Tags is { Count: > 0 } tags)
        {
            captions.Add($"{label}, {string.Join(", ", tags.Take(TagsInCaption))}");
        }
        return captions;
    }

    private EmojibaseEntry? Lookup(string unified) => _emojibase.GetValueOrDefault(Normalise(unified));

    private void AddEmojibase(EmojibaseEntry entry, IReadOnlyList<string>? tags)
    {
        _emojibase.TryAdd(Normalise(entry.Hexcode), entry with { Tags = entry.Tags ?? tags });
        AddName(entry.Label, entry.Hexcode);
        foreach (var skin in entry.Skins ?? [])
        {
            AddEmojibase(skin, entry.Tags);
        }
    }

    /// <summary>Names are keyed as slugs ("waving hand: light skin tone" is "waving-hand-light-skin-tone") and run together ("wavinghand...").</summary>
    private void AddName(string? name, string codePoint)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }
        _byName.TryAdd(Slug(name), codePoint);
        _byName.TryAdd(Slug(name).Replace("-", string.Empty, StringComparison.Ordinal), codePoint);
    }

    private static string Slug(string name) => NonAlphanumeric().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
