using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Data;

/// <summary>Symbolic links in a folder import: never followed, each named once, every real image imported once.</summary>
public sealed class CaptionedFolderSourceTests
{
    [Fact]
    public async Task Import_WithDirectoryLinksToAnAncestor_EndsImportingEachImageOnceAndNamesEachLink()
    {
        using var dir = new TempDir();
        Pair(dir, "in/a/one", SKColors.Red, "a red square");
        Pair(dir, "in/b/two", SKColors.Green, "a green square");
        Pair(dir, "in/three", SKColors.Blue, "a blue square");
        Directory.CreateSymbolicLink(dir.Combine("in", "a", "up"), "..");
        Directory.CreateSymbolicLink(dir.Combine("in", "b", "root"), dir.Combine("in"));

        // Before: the walk followed the links round the loop for ever, growing memory and ignoring the token.
        var report = await Task.Run(() => Importer.RunAsync(new CaptionedFolderSource(dir.Combine("in")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(3, report.Imported);
        var reasons = report.SkippedSamples.ToDictionary(s => s.Key, s => s.Reason);
        Assert.Equal(2, reasons.Count);
        Assert.Contains("symbolic link to a directory, not followed", reasons["a/up"], StringComparison.Ordinal);
        Assert.Contains("-> ..", reasons["a/up"], StringComparison.Ordinal);
        Assert.Contains("symbolic link to a directory, not followed", reasons["b/root"], StringComparison.Ordinal);
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(["a/one.png", "b/two.png", "three.png"], store.Samples.Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_FileLinkToAnImageInTheFolder_IsSkippedAndNamed_AndTheImageImportedOnce()
    {
        using var dir = new TempDir();
        Pair(dir, "in/a", SKColors.Red, "a red square");
        File.CreateSymbolicLink(dir.Combine("in", "b.png"), "a.png");
        dir.Write("in/b.txt", "the same red square again");

        var report = await Importer.RunAsync(new CaptionedFolderSource(dir.Combine("in")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        // Before: imported twice, a split leak when the copies land in train and test.
        Assert.Equal(1, report.Imported);
        var skipped = Assert.Single(report.SkippedSamples);
        Assert.Equal("b.png", skipped.Key);
        Assert.Contains("symbolic link, not followed (-> a.png)", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CaptionFileLinkingOutsideTheFolder_IsNotRead()
    {
        using var dir = new TempDir();
        var secret = dir.Write("secret.txt", "a secret outside the folder");
        dir.Write("in/a.png", TestImages.SolidPng(16, 16, SKColors.Red));
        File.CreateSymbolicLink(dir.Combine("in", "a.txt"), secret);
        Pair(dir, "in/b", SKColors.Green, "a green square");

        var report = await Importer.RunAsync(new CaptionedFolderSource(dir.Combine("in")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Imported);
        var skipped = Assert.Single(report.SkippedSamples);
        Assert.Equal("a.png", skipped.Key);
        Assert.Contains("caption file a.txt is a symbolic link, not followed", skipped.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", File.ReadAllText(Path.Combine(report.StorePath, StoreFiles.Samples)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_WithACancelledToken_StopsInTheWalk()
    {
        using var dir = new TempDir();
        Pair(dir, "in/a", SKColors.Red, "a red square");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CaptionedFolderSource(dir.Combine("in")).PrepareAsync(cancelled.Token));
    }

    private static void Pair(TempDir dir, string stem, SKColor colour, string caption)
    {
        dir.Write(stem + ".png", TestImages.SolidPng(16, 16, colour));
        dir.Write(stem + ".txt", caption);
    }
}
