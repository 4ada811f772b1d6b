using System.Text.Json;
using System.Text.RegularExpressions;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Data;

/// <summary>
/// Each SVG emoji style on its real npm package: every drawing joins the emoji its code point names (captions are
/// emojibase's label for it, skin tones join their base emoji's group), and the first drawings render to real pictures.
/// </summary>
public sealed partial class EmojiSvgStyleTests
{
    private const int Rendered = 12;

    [Theory]
    [InlineData("fluent-flat", "MIT", true)]
    [InlineData("fluent-3d", "MIT", true)]
    [InlineData("fluent-line", "MIT", false)]
    [InlineData("noto-v1", "Apache-2.0", true)]
    [InlineData("emojione-v2", "CC-BY-4.0", true)]
    [InlineData("emojione-v1", "CC-BY-SA-4.0", false)]
    [InlineData("firefox-os", "Apache-2.0", false)]
    [InlineData("streamline", "CC-BY-4.0", false)]
    public async Task SvgStyle_JoinsEmojiByCodePoint_AndRendersPictures(string style, string licence, bool hasSkinTones)
    {
        var ct = TestContext.Current.CancellationToken;
        var labels = await EmojibaseLabelsAsync(ct);
        var source = new EmojiSource(Importer.RealPackages(), [style], skinTones: true, svg: Importer.Rasteriser());
        await source.PrepareAsync(ct);
        var drawn = source.Enumerate(ct).Where(c => c.Failure is null).ToList();

        Assert.Equal(licence, source.Licences[style]);
        Assert.True(drawn.Count > 250, $"{style}: only {drawn.Count} drawings joined an emoji");
        Assert.All(drawn, c => Assert.Equal(style, c.Meta!["style"]));
        // The group is the base emoji: the drawing's code point without its tone modifiers.
        Assert.All(drawn, c => Assert.Equal(Base(c.Meta!["unified"]), Base(c.Group!)));
        var captioned = drawn.Where(c => labels.ContainsKey(Base(c.Meta!["unified"], keepTones: true))).ToList();
        Assert.True(captioned.Count > drawn.Count * 9 / 10, $"{style}: {captioned.Count} of {drawn.Count} have an emojibase label");
        Assert.All(captioned, c => Assert.Equal(labels[Base(c.Meta!["unified"], keepTones: true)], c.Captions[0]));
        var tones = drawn.Where(c => c.Meta!.ContainsKey("skinTone")).ToList();
        Assert.Equal(hasSkinTones, tones.Count > 0);
        Assert.All(tones, c => Assert.NotEqual(c.Meta!["unified"], c.Group));

        using var dir = new TempDir();
        var report = await Importer.RunAsync(source, dir.Path, limit: Rendered, ct: ct);
        Assert.Equal(Rendered, report.Imported);
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(licence, store.Manifest.Licences![style]);
        var pixels = new byte[store.Resolution * store.Resolution * 3];
        foreach (var sample in store.Samples)
        {
            store.ReadPixels(sample.Id, pixels);
            Assert.True(pixels.Distinct().Count() > 8, $"{sample.Key}: blank picture ({pixels.Distinct().Count()} distinct values)");
            Assert.True(pixels.Count(p => p < 250) > pixels.Length / 20, $"{sample.Key}: nearly all white");
        }
    }

    [Fact]
    public async Task FluentFlat_GrinningFace_HasTheCaptionGroupAndSplitOfTheTwitterOne()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDir();
        var source = new EmojiSource(Importer.RealPackages(), ["twitter", "fluent-flat"], skinTones: true, subcategories: ["face-smiling"], svg: Importer.Rasteriser());
        var report = await Importer.RunAsync(source, dir.Path, ct: ct);

        using var store = ClipStore.Open(report.StorePath);
        var twitter = store.Samples.Single(s => s.Key == "1f600@twitter");
        var fluent = store.Samples.Single(s => s.Key == "1f600@fluent-flat");
        Assert.Equal(twitter.Captions, fluent.Captions);
        Assert.Equal(twitter.Group, fluent.Group);
        Assert.Equal(twitter.Split, fluent.Split);
        Assert.Equal(twitter.Labels, fluent.Labels);
        Assert.Equal("grinning-face", fluent.Meta["icon"]);
    }

    /// <summary>emojibase's label per code point (upper-case, FE0F dropped), read here apart from the source.</summary>
    private static async Task<Dictionary<string, string>> EmojibaseLabelsAsync(CancellationToken ct)
    {
        var folder = await Importer.RealPackages().EnsureNpmAsync("emojibase-data", p => p == "en/data.json", ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "en", "data.json"), ct));
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            labels.TryAdd(Base(entry.GetProperty("hexcode").GetString()!, keepTones: true), entry.GetProperty("label").GetString()!);
            foreach (var skin in entry.TryGetProperty("skins", out var skins) ? skins.EnumerateArray() : default)
            {
                labels.TryAdd(Base(skin.GetProperty("hexcode").GetString()!, keepTones: true), skin.GetProperty("label").GetString()!);
            }
        }
        return labels;
    }

    private static string Base(string codePoint, bool keepTones = false) => string.Join('-', codePoint.ToUpperInvariant().Split('-')
        .Select(p => p.TrimStart('0'))
        .Where(p => p != "FE0F" && (keepTones || !ToneModifier().IsMatch(p))));

    [GeneratedRegex("^1F3F[B-F]$")]
    private static partial Regex ToneModifier();
}
