using System.Text;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Data;

/// <summary>Users' own data in the field's three formats, made in the test.</summary>
public sealed class UserFormatImportTests
{
    private static readonly SKColor Red = new(255, 0, 0);
    private static readonly SKColor Blue = new(0, 0, 255);

    [Fact]
    public async Task Csv_QuotedCaptionsAndRelativePaths_ResolveAgainstTheManifest()
    {
        using var dir = new TempDir();
        dir.Write("images/red.png", TestImages.SolidPng(40, 30, Red));
        dir.Write("images/blue.jpg", TestImages.SolidJpeg(30, 30, Blue));
        var manifest = dir.Write("meta/pairs.csv", """
            filepath,caption,source
            ../images/red.png,"a red square, bright",web
            ../images/blue.jpg,a blue square,web
            """);

        var report = await Importer.RunAsync(new CsvManifestSource(manifest, "filepath", "caption", null, null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        Assert.Equal((2, 0), (report.Imported, report.Skipped));
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal("a red square, bright", store.Samples[0].Captions[0]);
        Assert.Equal("web", store.Samples[0].Meta["source"]);
        Assert.Equal((40, 30), (store.Samples[0].Width, store.Samples[0].Height));
        AssertColour(store, 0, Red, tolerance: 0);
        AssertColour(store, 1, Blue, tolerance: 8);
    }

    [Fact]
    public async Task Tsv_WithConfiguredColumnNamesAndLabels_Imports()
    {
        using var dir = new TempDir();
        dir.Write("a.png", TestImages.SolidPng(16, 16, Red));
        dir.Write("b.png", TestImages.SolidPng(16, 16, Blue));
        var manifest = dir.Write("pairs.tsv", "url\ttext\tclass\na.png\tred thing\tred\nb.png\tblue thing\tblue\n");

        var report = await Importer.RunAsync(new CsvManifestSource(manifest, "url", "text", "class", null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(["blue", "red"], store.Manifest.LabelSets["label"]);
        Assert.Equal(1, store.GetSample(0).Labels["label"]);
        Assert.Equal("pairs", store.Name);
    }

    [Fact]
    public async Task Csv_MissingColumn_IsRefusedBeforeAnyWork()
    {
        using var dir = new TempDir();
        var manifest = dir.Write("pairs.csv", "path,caption\na.png,x\n");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Importer.RunAsync(new CsvManifestSource(manifest, "filepath", "caption", null, null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken));
        Assert.Contains("filepath", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("stores", "pairs")));
    }

    [Fact]
    public async Task Folder_ImagesWithSameNamedTxt_Import()
    {
        using var dir = new TempDir();
        dir.Write("pets/cat.png", TestImages.SolidPng(20, 20, Red));
        dir.Write("pets/cat.txt", "  a   cat\n");
        dir.Write("cars/car.png", TestImages.SolidPng(20, 20, Blue));
        dir.Write("cars/car.txt", "a car");

        var report = await Importer.RunAsync(new CaptionedFolderSource(dir.Path), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(2, store.Count);
        var cat = store.Samples.Single(s => s.Key.EndsWith("cat.png", StringComparison.Ordinal));
        Assert.Equal("a cat", cat.Captions[0]);
        Assert.Equal("pets", cat.Labels["folder"]);
    }

    [Fact]
    public async Task WebDataset_ShardsWithJson_ImportInOrderWithMetadata()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("shards"));
        Shards.Write(dir.Combine("shards", "00000.tar"),
        [
            ("000000001.jpg", TestImages.SolidJpeg(24, 24, Red)),
            ("000000001.txt", Encoding.UTF8.GetBytes("red photo")),
            ("000000001.json", Encoding.UTF8.GetBytes("""{"url": "http://example.invalid/1", "width": 24}""")),
            ("000000002.png", TestImages.SolidPng(24, 24, Blue)),
            ("000000002.txt", Encoding.UTF8.GetBytes("blue drawing")),
        ]);
        Shards.Write(dir.Combine("shards", "00001.tar"),
        [
            ("sub/000000003.webp", Encode(SKEncodedImageFormat.Webp, Red)),
            ("sub/000000003.json", Encoding.UTF8.GetBytes("""{"caption": "caption from json"}""")),
        ]);

        var report = await Importer.RunAsync(new WebDatasetSource(dir.Combine("shards")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(["00000.tar:000000001", "00000.tar:000000002", "00001.tar:sub/000000003"], store.Samples.Select(s => s.Key));
        Assert.Equal("http://example.invalid/1", store.Samples[0].Meta["url"]);
        Assert.Equal("caption from json", store.Samples[2].Captions[0]);
        AssertColour(store, 1, Blue, tolerance: 0);
    }

    private static byte[] Encode(SKEncodedImageFormat format, SKColor color)
    {
        using var bitmap = new SKBitmap(16, 16);
        bitmap.Erase(color);
        using var data = bitmap.Encode(format, 100);
        return data.ToArray();
    }

    private static void AssertColour(ClipStore store, int id, SKColor colour, int tolerance)
    {
        var pixels = store.GetPixels(id).Span;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            Assert.InRange(pixels[i], Math.Max(0, colour.Red - tolerance), Math.Min(255, colour.Red + tolerance));
            Assert.InRange(pixels[i + 1], Math.Max(0, colour.Green - tolerance), Math.Min(255, colour.Green + tolerance));
            Assert.InRange(pixels[i + 2], Math.Max(0, colour.Blue - tolerance), Math.Min(255, colour.Blue + tolerance));
        }
    }
}
