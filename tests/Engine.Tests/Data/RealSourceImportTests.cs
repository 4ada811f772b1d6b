using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Data;

/// <summary>Small real imports of each real data set, installing its package when missing.</summary>
public sealed class RealSourceImportTests
{
    [Fact]
    public async Task Emoji_TwoStyles_KeepsStyleLabelsAndRichCaptions()
    {
        using var dir = new TempDir();
        var source = new EmojiSource(Importer.RealPackages(), ["twitter", "google"], skinTones: true);
        var report = await Importer.RunAsync(source, dir.Path, limit: 4000, ct: TestContext.Current.CancellationToken);

        Assert.Equal(4000, report.Imported + report.Skipped);
        using var store = ClipStore.Open(report.StorePath);
        var styles = store.Samples.GroupBy(s => s.Meta["style"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["google", "twitter"], styles.Keys.Order());
        Assert.Contains(store.Manifest.LabelSets["subcategory"], s => s == "face-smiling");
        var grinning = store.Samples.First(s => s.Key == "1f600@twitter");
        Assert.Equal("grinning face", grinning.Captions[0]);
        Assert.Contains(grinning.Captions, c => c.Contains("happy", StringComparison.Ordinal));
        Assert.Equal("face-smiling", grinning.Labels["subcategory"]);
        // Skin tones of one emoji share its group, so they share its split.
        var wave = store.Samples.Where(s => s.Group == "1F44B").ToList();
        Assert.True(wave.Count >= 6);
        Assert.Single(wave.Select(s => s.Split).Distinct());
    }

    [Fact]
    public async Task Emoji_GroupsNeverCrossSplits_AcrossStyles()
    {
        using var dir = new TempDir();
        var source = new EmojiSource(Importer.RealPackages(), ["twitter", "google"], skinTones: false);
        var report = await Importer.RunAsync(source, dir.Path, ct: TestContext.Current.CancellationToken);
        using var store = ClipStore.Open(report.StorePath);

        var leaks = store.Samples.GroupBy(s => s.Group).Count(g => g.Select(s => s.Split).Distinct().Count() > 1);
        Assert.Equal(0, leaks);
        Assert.True(store.Manifest.Splits[Splits.Test] > 0 && store.Manifest.Splits[Splits.Train] > store.Manifest.Splits[Splits.Test]);
    }

    [Fact]
    public async Task OpenClipArt_Subset_CaptionsFromSvgMetadataAndCategoryLabels()
    {
        using var dir = new TempDir();
        var report = await Importer.RunAsync(new OpenClipArtSource(Importer.RealPackages()), dir.Path, limit: 300, ct: TestContext.Current.CancellationToken);

        using var store = ClipStore.Open(report.StorePath);
        Assert.True(store.Count > 250, $"only {store.Count} of 300 clip-art images imported");
        Assert.All(store.Samples, s => Assert.NotEmpty(s.Captions[0]));
        Assert.All(store.Samples, s => Assert.Equal(s.Key.Split('/')[0], s.Labels["category"]));
        // A drawing on transparent background is composited on white: the corner pixel of most clip art is white.
        var corner = new byte[store.Resolution * store.Resolution * 3];
        var whiteCorners = store.Samples.Count(s =>
        {
            store.ReadPixels(s.Id, corner);
            return corner[0] == 255 && corner[1] == 255 && corner[2] == 255;
        });
        Assert.True(whiteCorners > store.Count / 2, $"{whiteCorners} of {store.Count} have a white corner");
    }

    [Fact]
    public async Task SvgMetadata_TakesTheWorksTitleNotThePublishers()
    {
        await new OpenClipArtSource(Importer.RealPackages()).PrepareAsync(TestContext.Current.CancellationToken);
        var meta = SvgMetadata.Read("/usr/share/openclipart/svg/shapes/flowchart/fc08.svg");
        Assert.Equal("Clipart by Nicu Buculei - fc23", meta.Title);
        Assert.Equal(["flowchart", "shape"], meta.Keywords);
    }

    [Fact]
    public async Task FashionMnist_Subset_KeepsItsOwnSplitAndClassNames()
    {
        using var dir = new TempDir();
        var report = await Importer.RunAsync(new FashionMnistSource(Importer.RealPackages()), dir.Path, limit: 200, ct: TestContext.Current.CancellationToken);

        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(200, store.Count);
        Assert.All(store.Samples, s => Assert.Equal(Splits.Train, s.Split));
        Assert.Equal("Ankle boot", store.Samples[0].Labels["class"]);
        Assert.Equal(FashionMnistSource.ClassNames.Order(StringComparer.Ordinal), store.Manifest.LabelSets["class"].Where(FashionMnistSource.ClassNames.Contains));
        var first = store.GetSample(0);
        Assert.Equal(store.Manifest.LabelSets["class"].ToList().IndexOf("Ankle boot"), first.Labels["class"]);
        // Grayscale stays grayscale: R, G and B are equal.
        var pixels = store.GetPixels(0).Span;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            Assert.True(pixels[i] == pixels[i + 1] && pixels[i + 1] == pixels[i + 2]);
        }
    }
}
