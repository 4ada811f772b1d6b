using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// Emoji in up to twelve drawing styles (<see cref="EmojiStyle.All"/>): four vendors' PNGs from npm
/// emoji-datasource-* and eight SVG sets from npm @iconify-json/*, rasterised on import, all captioned from
/// emojibase-data (label and tags). The style is kept as metadata so one style can be held out as a distribution
/// shift, and every style and skin tone of one emoji shares a split group (emoji-datasource's code point of the
/// base emoji), so held-out emoji never appear in training in another style.
/// </summary>
/// <param name="subcategories">Only emoji of these subcategories (a topic subset, a quick test); all when null.</param>
/// <param name="svg">Renders the SVG styles; needed only when one is chosen.</param>
public sealed class EmojiSource(
    IDataPackages installer, IReadOnlyList<string> styles, bool skinTones, IReadOnlyCollection<string>? subcategories = null, ISvgRasteriser? svg = null)
    : IImportSource
{
    /// <summary>Every style's id, the PNG styles first: what an import takes when no styles are named.</summary>
    public static readonly IReadOnlyList<string> AllStyles = EmojiStyle.Ids;

    private const string IndexPackageStyle = "twitter";
    private readonly Dictionary<string, string> _licences = new(StringComparer.Ordinal);
    private List<ImportCandidate> _candidates = [];

    public string Id => "emoji";

    public string DefaultName => "emoji";

    public ImageFit DefaultFit => ImageFit.Pad;

    public int? CountHint => _candidates.Count;

    /// <summary>Each imported style's licence, recorded in the store's manifest.</summary>
    public IReadOnlyDictionary<string, string> Licences => _licences;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var chosen = styles.Select(EmojiStyle.Find).ToList();
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var style in chosen.Where(s => !s.IsSvg))
        {
            roots[style.Id] = await installer.EnsureNpmAsync(style.Package, p => KeepPng(style.Id, p), cancellationToken).ConfigureAwait(false);
        }
        // Every emoji-datasource package carries the same emoji.json; an SVG-only import unpacks twitter's as twitter would.
        var index = roots.Values.FirstOrDefault() ?? await installer.EnsureNpmAsync(
            $"emoji-datasource-{IndexPackageStyle}", p => KeepPng(IndexPackageStyle, p), cancellationToken).ConfigureAwait(false);
        var emojibase = await installer.EnsureNpmAsync("emojibase-data", p => p == "en/data.json", cancellationToken).ConfigureAwait(false);
        var catalog = await EmojiCatalog.LoadAsync(Path.Combine(index, "emoji.json"), Path.Combine(emojibase, "en", "data.json"), cancellationToken).ConfigureAwait(false);
        if (chosen.FirstOrDefault(s => s.IsSvg) is { } first)
        {
            var rasteriser = svg ?? throw new InvalidOperationException($"emoji style '{first.Id}' is drawn in SVG and this source was given no SVG rasteriser");
            await rasteriser.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }
        _candidates = [];
        foreach (var style in chosen)
        {
            if (!style.IsSvg)
            {
                _licences[style.Id] = style.Licence!;
                _candidates.AddRange(PngCandidates(style.Id, roots[style.Id], catalog));
                continue;
            }
            var set = await LoadSetAsync(style, cancellationToken).ConfigureAwait(false);
            _licences[style.Id] = set.Licence;
            _candidates.AddRange(IconifyEmojiStyle.Candidates(style, set, catalog, svg!, skinTones, subcategories is null ? null : Wanted));
        }
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        foreach (var candidate in _candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return candidate;
        }
    }

    private static bool KeepPng(string style, string path) =>
        path == "emoji.json" || path.StartsWith($"img/{style}/64/", StringComparison.Ordinal);

    private async Task<IconifySet> LoadSetAsync(EmojiStyle style, CancellationToken cancellationToken)
    {
        var root = await installer.EnsureNpmAsync(style.Package, IconifySet.Keep, cancellationToken).ConfigureAwait(false);
        var codePoints = style.CodePointsFrom is { } donor
            ? await installer.EnsureNpmAsync(donor, IconifySet.Keep, cancellationToken).ConfigureAwait(false)
            : null;
        return IconifySet.Load(root, codePoints);
    }

    private bool Wanted(EmojiDatasourceEntry entry) => subcategories is null || subcategories.Contains(entry.Subcategory);

    private IEnumerable<ImportCandidate> PngCandidates(string style, string root, EmojiCatalog catalog)
    {
        foreach (var entry in catalog.Entries.Where(Wanted))
        {
            foreach (var (unified, image, tone) in Variants(style, entry))
            {
                var meta = new Dictionary<string, string> { ["style"] = style, ["unified"] = unified, ["emoji"] = entry.Unified };
                if (tone is not null)
                {
                    meta["skinTone"] = tone;
                }
                yield return new ImportCandidate(
                    Key: $"{unified.ToLowerInvariant()}@{style}",
                    Image: new ImageInput.File(Path.Combine(root, "img", style, "64", image)),
                    Captions: catalog.Captions(entry, unified),
                    Group: entry.Unified,
                    Labels: new Dictionary<string, string> { ["category"] = entry.Category, ["subcategory"] = entry.Subcategory },
                    Meta: meta);
            }
        }
    }

    private IEnumerable<(string Unified, string Image, string? Tone)> Variants(string style, EmojiDatasourceEntry entry)
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
}
