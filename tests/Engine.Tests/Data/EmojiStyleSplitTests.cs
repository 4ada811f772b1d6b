using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Data;

/// <summary>An emoji's group spans every style it is drawn in, PNG or SVG, and all its skin tones.</summary>
public sealed class EmojiStyleSplitTests
{
    // Smileys and open hands: a few hundred drawings, skin tones included, in seconds.
    private static readonly string[] Subcategories = ["face-smiling", "face-affection", "hand-fingers-open"];

    [Fact]
    public async Task PngAndSvgStyles_ShareOneSplitPerEmoji_AndHoldOutTheSameEmojiAsAPngOnlyStore()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDir();
        var mixed = await Importer.RunAsync(
            new EmojiSource(Importer.RealPackages(), ["twitter", "fluent-flat", "noto-v1"], skinTones: true, Subcategories, Importer.Rasteriser()), dir.Combine("mixed"), seed: 3, ct: ct);
        var png = await Importer.RunAsync(
            new EmojiSource(Importer.RealPackages(), ["twitter"], skinTones: true, Subcategories), dir.Combine("png"), seed: 3, ct: ct);
        using var all = ClipStore.Open(mixed.StorePath);
        using var twitter = ClipStore.Open(png.StorePath);

        var byGroup = all.Samples.GroupBy(s => s.Group).ToList();
        Assert.All(byGroup, g => Assert.Single(g.Select(s => s.Split).Distinct()));
        // Most emoji are drawn in all three styles (Noto v1 predates the newest), and their skin tones are in the same groups.
        var inAllThree = byGroup.Count(g => g.Select(s => s.Meta["style"]).Distinct().Count() == 3);
        Assert.True(inAllThree > byGroup.Count / 2, $"{inAllThree} of {byGroup.Count} emoji in all three styles");
        foreach (var style in new[] { "twitter", "fluent-flat", "noto-v1" })
        {
            Assert.Contains(all.Samples, s => s.Meta["style"] == style && s.Meta.ContainsKey("skinTone") && s.Group == "1F44B");
        }
        Assert.Single(all.Samples.Where(s => s.Group == "1F44B").Select(s => s.Split).Distinct());
        Assert.True(all.Manifest.Splits[Splits.Test] > 0, "no emoji held out");

        // The held-out emoji are the PNG-only store's: the same group lands in the same split.
        var pngSplits = twitter.Samples.GroupBy(s => s.Group).ToDictionary(g => g.Key, g => g.First().Split);
        var mixedSplits = byGroup.ToDictionary(g => g.Key, g => g.First().Split);
        Assert.All(pngSplits, kv => Assert.Equal(kv.Value, mixedSplits[kv.Key]));
        Assert.Equal(
            pngSplits.Where(kv => kv.Value != Splits.Train).Select(kv => kv.Key).Order(StringComparer.Ordinal),
            mixedSplits.Where(kv => kv.Value != Splits.Train && pngSplits.ContainsKey(kv.Key)).Select(kv => kv.Key).Order(StringComparer.Ordinal));
    }
}
