using System.Text;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Data;

/// <summary>Every kind of bad sample is skipped, counted and named; the good ones around it still import.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Folder_WithEveryKindOfBrokenImage_SkipsEachWithItsReason()
    {
        using var dir = new TempDir();
        Pair(dir, "good1", TestImages.SolidPng(32, 32, SKColors.Green), "a green square");
        Pair(dir, "truncated", TestImages.Truncated(TestImages.NoisePng(128, 1)), "noise");
        Pair(dir, "zero", [], "nothing");
        Pair(dir, "random", TestImages.RandomBytes(4096, 2), "static");
        Pair(dir, "huge", TestImages.PngClaiming(50000, 50000), "a giant");
        Pair(dir, "emptycaption", TestImages.SolidPng(8, 8, SKColors.Red), "   \n ");
        dir.Write("nocaption.png", TestImages.SolidPng(8, 8, SKColors.Red));
        Pair(dir, "good2", TestImages.SolidPng(32, 32, SKColors.Blue), "a blue square");

        var report = await Importer.RunAsync(new CaptionedFolderSource(dir.Path), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Imported);
        Assert.Equal(6, report.Skipped);
        var reasons = report.SkippedSamples.ToDictionary(s => s.Key, s => s.Reason);
        Assert.Contains("truncated", reasons["truncated.png"], StringComparison.Ordinal);
        Assert.Contains("0 bytes", reasons["zero.png"], StringComparison.Ordinal);
        Assert.Contains("not a decodable image", reasons["random.png"], StringComparison.Ordinal);
        Assert.Contains("50000x50000", reasons["huge.png"], StringComparison.Ordinal);
        Assert.Equal("empty caption", reasons["emptycaption.png"]);
        Assert.Contains("no caption file", reasons["nocaption.png"], StringComparison.Ordinal);

        // The report is kept with the store.
        var saved = File.ReadAllText(Path.Combine(report.StorePath, StoreFiles.Report));
        Assert.Contains("huge.png", saved, StringComparison.Ordinal);
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(["a green square", "a blue square"], store.Samples.Select(s => s.Captions[0]).Order().Reverse());
    }

    [Fact]
    public async Task WebDataset_CaptionWithoutImage_IsSkippedAndNamed()
    {
        using var dir = new TempDir();
        var shard = dir.Combine("00000.tar");
        Shards.Write(shard,
        [
            ("a.png", TestImages.SolidPng(8, 8, SKColors.Red)),
            ("a.txt", Encoding.UTF8.GetBytes("red")),
            ("b.txt", Encoding.UTF8.GetBytes("a caption whose image is missing")),
            ("c.png", TestImages.SolidPng(8, 8, SKColors.Blue)),
            ("c.txt", Encoding.UTF8.GetBytes("blue")),
            ("d.png", TestImages.SolidPng(8, 8, SKColors.Blue)),
        ]);

        var report = await Importer.RunAsync(new WebDatasetSource(shard), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Imported);
        var reasons = report.SkippedSamples.ToDictionary(s => s.Key, s => s.Reason);
        Assert.Contains("caption but no image", reasons["00000.tar:b"], StringComparison.Ordinal);
        Assert.Contains("no caption", reasons["00000.tar:d"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebDataset_ShardCutOffMidway_KeepsWhatCameBeforeAndReportsTheShard()
    {
        using var dir = new TempDir();
        var whole = dir.Combine("whole.tar");
        Shards.Write(whole, Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            ($"{i:D4}.png", TestImages.NoisePng(64, i)),
            ($"{i:D4}.txt", Encoding.UTF8.GetBytes($"noise {i}")),
        }));
        var bytes = File.ReadAllBytes(whole);
        Directory.CreateDirectory(dir.Combine("shards"));
        File.WriteAllBytes(dir.Combine("shards", "00000.tar"), bytes[..(bytes.Length * 2 / 3)]);

        var report = await Importer.RunAsync(new WebDatasetSource(dir.Combine("shards")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        Assert.InRange(report.Imported, 1, 5);
        Assert.Contains(report.SkippedSamples, s => s.Reason.Contains("damaged", StringComparison.Ordinal) || s.Reason.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_RowNamingAMissingFile_IsSkippedAndNamed()
    {
        using var dir = new TempDir();
        dir.Write("ok.png", TestImages.SolidPng(8, 8, SKColors.Red));
        var manifest = dir.Write("pairs.csv", "filepath,caption\nok.png,fine\ngone.png,missing image\n,no path\n");

        var report = await Importer.RunAsync(new CsvManifestSource(manifest, "filepath", "caption", null, null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Imported);
        Assert.Equal(2, report.Skipped);
        var missing = Assert.Single(report.SkippedSamples, s => s.Key.Contains("gone.png", StringComparison.Ordinal));
        Assert.Contains("does not exist", missing.Reason, StringComparison.Ordinal);
        Assert.Contains("pairs.csv:3", missing.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_WhereEverySampleIsBroken_WritesNoStoreAndReportsEachOne()
    {
        using var dir = new TempDir();
        Pair(dir, "zero", [], "nothing");
        Pair(dir, "random", TestImages.RandomBytes(100, 3), "static");
        var stores = dir.Combine("stores");

        var error = await Assert.ThrowsAsync<NothingImportedException>(() =>
            Importer.RunAsync(new CaptionedFolderSource(dir.Path), stores, ct: TestContext.Current.CancellationToken));

        Assert.Equal(2, error.Report.SkippedSamples.Count);
        Assert.Empty(Directory.EnumerateFileSystemEntries(stores));
    }

    [Fact]
    public void Decoder_TransparentImage_IsCompositedOnWhite()
    {
        var decoder = new ImageDecoder(16, ImageFit.Crop, 1_000_000, 1 << 20);
        var result = decoder.Decode(new ImageInput.Encoded(TestImages.TransparentPng(32)));
        Assert.Null(result.Error);
        Assert.All(result.Rgb!, b => Assert.Equal(255, b));
    }

    private static void Pair(TempDir dir, string name, byte[] image, string caption)
    {
        dir.Write($"{name}.png", image);
        dir.Write($"{name}.txt", caption);
    }
}
