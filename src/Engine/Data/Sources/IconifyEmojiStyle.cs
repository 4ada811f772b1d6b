using ClipHost.Engine.Data.Import;
using SkiaSharp;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// Joins one iconify set to the emoji catalogue and makes its candidates: each drawing's code point comes from
/// chars.json, else from its names (CLDR labels, Unicode and short names), and the catalogue gives it the same
/// captions, labels and split group as the PNG styles; a skin tone joins its base emoji's group. A drawing no
/// emoji claims, or a second drawing of an emoji already drawn, is a failed candidate naming it, so the import
/// counts it. Rendering waits for the importer's parallel decode.
/// </summary>
internal static class IconifyEmojiStyle
{
    /// <summary>The size the PNG styles are read at; the store fits both kinds the same way after.</summary>
    private const int RenderSize = 64;

    public static List<ImportCandidate> Candidates(
        EmojiStyle style, IconifySet set, EmojiCatalog catalog, ISvgRasteriser rasteriser, bool skinTones, Func<EmojiDatasourceEntry, bool>? wanted)
    {
        var drawn = new Dictionary<string, (EmojiMatch Match, IconifyIcon Icon)>(StringComparer.Ordinal);
        var failed = new List<ImportCandidate>();
        // Drawings chars.json maps come first: a name that also fits an emoji never displaces the set's own mapping.
        var joined = set.Icons
            .Select(icon => (Icon: icon, Mapped: icon.Names.Select(set.CodePoints.GetValueOrDefault).FirstOrDefault(c => c is not null)))
            .OrderBy(j => j.Mapped is null)
            .Select(j => (j.Icon, CodePoint: j.Mapped ?? j.Icon.Names.Select(catalog.CodePointOf).FirstOrDefault(c => c is not null)));
        foreach (var (icon, codePoint) in joined)
        {
            var key = $"{icon.Slug}@{style.Id}";
            // A subset (wanted) cannot tell which subcategory an unjoined drawing would have had: it names them only when whole.
            if (codePoint is null)
            {
                failed.AddRange(wanted is null ? [ImportCandidate.Failed(key, $"no emoji: icon '{icon.Slug}' has no code point in chars.json and no emoji has its name")] : []);
                continue;
            }
            if (catalog.Find(codePoint) is not { } match)
            {
                failed.AddRange(wanted is null ? [ImportCandidate.Failed(key, $"no emoji: code point {codePoint} of icon '{icon.Slug}' is not in emoji-datasource")] : []);
                continue;
            }
            if ((match.Tone is not null && !skinTones) || wanted?.Invoke(match.Entry) == false)
            {
                continue;
            }
            var unified = EmojiCatalog.Normalise(match.Unified);
            if (drawn.TryGetValue(unified, out var first))
            {
                failed.Add(ImportCandidate.Failed(key, $"duplicate drawing: icon '{icon.Slug}' draws {match.Unified} as '{first.Icon.Slug}' does"));
                continue;
            }
            drawn[unified] = (match, icon);
        }
        return [.. drawn.Values
            .OrderBy(d => d.Match.Entry.SortOrder)
            .ThenBy(d => d.Match.Tone ?? string.Empty, StringComparer.Ordinal)
            .Select(d => Candidate(style, d.Match, d.Icon, catalog, rasteriser)),
            .. failed];
    }

    private static ImportCandidate Candidate(EmojiStyle style, EmojiMatch match, IconifyIcon icon, EmojiCatalog catalog, ISvgRasteriser rasteriser)
    {
        var meta = new Dictionary<string, string> { ["style"] = style.Id, ["unified"] = match.Unified, ["emoji"] = match.Entry.Unified, ["icon"] = icon.Slug };
        if (match.Tone is not null)
        {
            meta["skinTone"] = match.Tone;
        }
        return new ImportCandidate(
            Key: $"{match.Unified.ToLowerInvariant()}@{style.Id}",
            Image: new ImageInput.Rendered(() => Render(rasteriser, icon)),
            Captions: catalog.Captions(match.Entry, match.Unified),
            Group: match.Entry.Unified,
            Labels: new Dictionary<string, string> { ["category"] = match.Entry.Category, ["subcategory"] = match.Entry.Subcategory },
            Meta: meta);
    }

    private static byte[] Render(ISvgRasteriser rasteriser, IconifyIcon icon)
    {
        try
        {
            var png = rasteriser.Render(icon.Svg, RenderSize);
            return IsBlank(png) ? throw new InvalidDataException("renders blank (every pixel one colour)") : png;
        }
        catch (InvalidDataException e)
        {
            // The kind first ("bad SVG" is how the import report counts these), then which icon and why.
            throw new InvalidDataException($"bad SVG: icon '{icon.Slug}' {e.Message}", e);
        }
    }

    /// <summary>A body that draws nothing (or only something white) is no picture of the emoji.</summary>
    private static bool IsBlank(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("renders to no decodable PNG");
        var pixels = bitmap.Pixels;
        return pixels.All(p => p == pixels[0]);
    }
}
