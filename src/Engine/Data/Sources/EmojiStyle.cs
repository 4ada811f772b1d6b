namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// One drawing style of the emoji source: a PNG style of npm emoji-datasource-* or an SVG set of npm
/// @iconify-json/*. The table below is the one list of styles; the CLI, the validator and the source read it.
/// </summary>
/// <param name="Id">The short, stable id users pass to --styles and stores keep in each sample's "style".</param>
/// <param name="Package">The npm package holding the images.</param>
/// <param name="Licence">
/// The images' licence for the PNG styles (emoji-datasource's package licence covers its code, not the vendors'
/// images); null for the SVG sets, whose licence is read from the package's info.json.
/// </param>
/// <param name="CodePointsFrom">
/// The iconify package whose chars.json maps this set's names to code points, when its own is empty: Fluent 3D
/// shares Fluent Flat's names. Null for the PNG styles and for sets that map their own (or only have names).
/// </param>
public sealed record EmojiStyle(string Id, string Package, string? Licence = null, string? CodePointsFrom = null)
{
    /// <summary>Kept for an independent evaluation of the project: never imported, trained or tuned on.</summary>
    public const string Reserved = "openmoji";

    /// <summary>The PNG styles first and in their historical order, so a store's first samples stay what they were.</summary>
    public static readonly IReadOnlyList<EmojiStyle> All =
    [
        new("twitter", "emoji-datasource-twitter", "CC-BY-4.0"),
        new("google", "emoji-datasource-google", "Apache-2.0"),
        new("apple", "emoji-datasource-apple", "proprietary (Apple): local use only"),
        new("facebook", "emoji-datasource-facebook", "proprietary (Meta): local use only"),
        new("fluent-flat", "@iconify-json/fluent-emoji-flat"),
        new("fluent-3d", "@iconify-json/fluent-emoji", CodePointsFrom: "@iconify-json/fluent-emoji-flat"),
        new("fluent-line", "@iconify-json/fluent-emoji-high-contrast"),
        new("noto-v1", "@iconify-json/noto-v1"),
        new("emojione-v2", "@iconify-json/emojione"),
        new("emojione-v1", "@iconify-json/emojione-v1"),
        new("firefox-os", "@iconify-json/fxemoji"),
        new("streamline", "@iconify-json/streamline-emojis"),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(s => s.Id)];

    /// <summary>Drawn as SVG (rasterised on import) rather than shipped as 64 px PNGs.</summary>
    public bool IsSvg => Package.StartsWith("@iconify-json/", StringComparison.Ordinal);

    /// <summary>Why <paramref name="id"/> is not a style to import, or null when it is one.</summary>
    public static string? Refusal(string id) =>
        id.Contains(Reserved, StringComparison.OrdinalIgnoreCase)
            ? $"emoji style '{id}' is reserved for the project's independent evaluation and is never imported"
            : All.Any(s => s.Id == id) ? null : $"unknown emoji style '{id}'; use {string.Join(", ", Ids)}";

    /// <summary>The style named <paramref name="id"/>; throws with <see cref="Refusal"/>'s message when there is none.</summary>
    public static EmojiStyle Find(string id) =>
        Refusal(id) is { } refusal ? throw new ArgumentException(refusal, nameof(id)) : All.First(s => s.Id == id);
}
