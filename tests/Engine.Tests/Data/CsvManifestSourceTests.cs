using System.Text;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Data;

/// <summary>Manifests that break CSV or UTF-8: named where they break, never silently shortened or altered.</summary>
public sealed class CsvManifestSourceTests
{
    [Fact]
    public async Task Import_RowWithAnUnterminatedQuote_IsSkippedNamingItsLine_AndTheRowsAfterItAreKept()
    {
        using var dir = new TempDir();
        foreach (var (name, colour) in new[] { ("a", SKColors.Red), ("b", SKColors.Green), ("c", SKColors.Blue), ("d", SKColors.Yellow) })
        {
            dir.Write($"{name}.png", TestImages.SolidPng(16, 16, colour));
        }
        var manifest = dir.Write("pairs.csv", "filepath,caption\na.png,red\nb.png,\"green, with a quote that never closes\nc.png,blue\nd.png,\"yellow, quoted\"\n");

        var report = await Importer.RunAsync(new CsvManifestSource(manifest, "filepath", "caption", null, null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        // Before: the quote swallowed every later row and the import reported one malformed row.
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(["red", "blue", "yellow, quoted"], store.Samples.Select(s => s.Captions[0]));
        var skipped = Assert.Single(report.SkippedSamples);
        Assert.Equal("pairs.csv:3", skipped.Key);
        Assert.Contains("unterminated quote: the quoted field opened on line 3 never closes", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_QuotedCaptionOverSeveralLines_StaysOneRow()
    {
        using var dir = new TempDir();
        dir.Write("a.png", TestImages.SolidPng(16, 16, SKColors.Red));
        dir.Write("b.png", TestImages.SolidPng(16, 16, SKColors.Green));
        var manifest = dir.Write("pairs.csv", "filepath,caption\na.png,\"red\non two lines\"\nb.png,green\n");

        var report = await Importer.RunAsync(new CsvManifestSource(manifest, "filepath", "caption", null, null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Imported);
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public async Task Prepare_ManifestInLatin1_IsRefusedNamingFileLineAndByteWithTheFix()
    {
        using var dir = new TempDir();
        dir.Write("a.png", TestImages.SolidPng(16, 16, SKColors.Red));
        dir.Write("b.png", TestImages.SolidPng(16, 16, SKColors.Green));
        var manifest = dir.Write("pairs.csv", Encoding.Latin1.GetBytes("filepath,caption\na.png,red\nb.png,vert très clair\n"));

        // Before: é and the byte after it became U+FFFD and the import went on as if nothing were wrong.
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Importer.RunAsync(new CsvManifestSource(manifest, "filepath", "caption", null, null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken));

        Assert.Contains("pairs.csv is not UTF-8: line 3, byte 14 is 0xE8", error.Message, StringComparison.Ordinal);
        Assert.Contains("iconv -f latin1 -t utf-8", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("stores", "pairs")));
    }
}
