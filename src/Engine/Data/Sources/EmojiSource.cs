using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// Emoji in up to four vendor styles (npm emoji-datasource-*), captioned from emojibase-data (label and tags).
/// The style is kept as metadata so one style can be held out as a distribution shift, and every style and skin
/// tone of one emoji shares a split group so held-out emoji never appear in training in another style.
/// </summary>
public sealed class EmojiSource(IDataPackages installer, IReadOnlyList<string> styles, bool skinTones) : IImportSource
{
    public static readonly IReadOnlyList<string> AllStyles = ["twitter", "google", "apple", "facebook"];
    private const int TagsInCaption = 6;

    private readonly Dictionary<string, string> _styleRoots = new(StringComparer.Ordinal);
    private Dictionary<string, EmojibaseEntry> _emojibase = [];
    private List<(string Style, DatasourceEntry Entry)> _entries = [];

    public string Id => "emoji";

    public string DefaultName => "emoji";

    public ImageFit DefaultFit => ImageFit.Pad;

    public int? CountHint { get; private set; }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var style in styles)
        {
            if (!AllStyles.Contains(style))
            {
                throw new ArgumentException($"unknown emoji style '{style}'; use {string.Join(", ", AllStyles)}");
            }
            _styleRoots[style] = await installer.EnsureNpmAsync(
                $"emoji-datasource-{style}",
                p => p == "emoji.json" || p.StartsWith($"img/{style}/64/", StringComparison.Ordinal),
                cancellationToken).ConfigureAwait(false);
        }
        var emojibase = await installer.EnsureNpmAsync("emojibase-data", p => p == "en/data.json", cancellationToken).ConfigureAwait(false);
        _emojibase = LoadEmojibase(Path.Combine(emojibase, "en", "data.json"));
        _entries = [];
        foreach (var style in styles)
        {
            await using var json = File.OpenRead(Path.Combine(_styleRoots[style], "emoji.json"));
            var entries = await JsonSerializer.DeserializeAsync<List<DatasourceEntry>>(json, JsonOptions, cancellationToken).ConfigureAwait(false) ?? [];
            _entries.AddRange(entries.OrderBy(e => e.SortOrder).Select(e => (style, e)));
        }
        CountHint = _entries.Sum(e => Variants(e.Style, e.Entry).Count());
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        foreach (var (style, entry) in _entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (unified, image, tone) in Variants(style, entry))
            {
                var meta = new Dictionary<string, string> { ["style"] = style, ["unified"] = unified, ["emoji"] = entry.Unified };
                if (tone is not null)
                {
                    meta["skinTone"] = tone;
                }
                yield return new ImportCandidate(
                    Key: $"{unified.ToLowerInvariant()}@{style}",
                    Image: new ImageInput.File(Path.Combine(_styleRoots[style], "img", style, "64", image)),
                    Captions: Captions(entry, unified),
                    Group: entry.Unified,
                    Labels: new Dictionary<string, string> { ["category"] = entry.Category, ["subcategory"] = entry.Subcategory },
                    Meta: meta);
            }
        }
    }

    private IEnumerable<(string Unified, string Image, string? Tone)> Variants(string style, DatasourceEntry entry)
    {
        if (entry.HasImage(style))
        {
            yield return (entry.Unified, entry.Image, null);
        }
        if (!skinTones || entry.SkinVariations is null)
        {
            yield break;
        }
        foreach (var (tone, variant) in entry.SkinVariations.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (variant.HasImage(style))
            {
                yield return (variant.Unified, variant.Image, tone);
            }
        }
    }

    private List<string?> Captions(DatasourceEntry entry, string unified)
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

    private EmojibaseEntry? Lookup(string unified) =>
        _emojibase.GetValueOrDefault(unified)
        ?? _emojibase.GetValueOrDefault(unified.Replace("-FE0F", string.Empty, StringComparison.Ordinal));

    private static Dictionary<string, EmojibaseEntry> LoadEmojibase(string path)
    {
        var result = new Dictionary<string, EmojibaseEntry>(StringComparer.Ordinal);
        var entries = JsonSerializer.Deserialize<List<EmojibaseEntry>>(File.ReadAllText(path), JsonOptions) ?? [];
        foreach (var entry in entries)
        {
            Add(entry);
            foreach (var skin in entry.Skins ?? [])
            {
                Add(skin with { Tags = skin.Tags ?? entry.Tags });
            }
        }
        return result;

        void Add(EmojibaseEntry e)
        {
            result.TryAdd(e.Hexcode, e);
            result.TryAdd(e.Hexcode.Replace("-FE0F", string.Empty, StringComparison.Ordinal), e);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private sealed record DatasourceVariant(string Unified, string Image, bool HasImgTwitter, bool HasImgGoogle, bool HasImgApple, bool HasImgFacebook)
    {
        public bool HasImage(string style) => style switch
        {
            "twitter" => HasImgTwitter,
            "google" => HasImgGoogle,
            "apple" => HasImgApple,
            "facebook" => HasImgFacebook,
            _ => false,
        };
    }

    private sealed record DatasourceEntry(
        string? Name,
        string Unified,
        string Image,
        IReadOnlyList<string> ShortNames,
        string Category,
        string Subcategory,
        int SortOrder,
        bool HasImgTwitter,
        bool HasImgGoogle,
        bool HasImgApple,
        bool HasImgFacebook,
        Dictionary<string, DatasourceVariant>? SkinVariations)
    {
        public bool HasImage(string style) => new DatasourceVariant(Unified, Image, HasImgTwitter, HasImgGoogle, HasImgApple, HasImgFacebook).HasImage(style);
    }

    private sealed record EmojibaseEntry(string Label, string Hexcode, IReadOnlyList<string>? Tags, IReadOnlyList<EmojibaseEntry>? Skins);
}
