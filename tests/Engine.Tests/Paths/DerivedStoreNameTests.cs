using System.Text;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Paths;

/// <summary>
/// A store name taken from a file (a manifest, a shard, a folder) obeys the same rule as one given with --name: a name
/// that is not an identifier is refused before anything is read, written or deleted, naming the file it came from.
/// </summary>
public sealed class DerivedStoreNameTests
{
    private static readonly string Csv = "filepath,caption\na.png,a red square\n";

    [Fact]
    public async Task CsvManifestNamedDotDot_WithReplace_IsRefusedNamingTheFile_AndNoStoreIsTouched()
    {
        using var dir = new TempDir();
        var stores = dir.Combine("data", "stores");
        dir.Write("in/a.png", TestImages.SolidPng(8, 8, SKColors.Red));
        await Importer.RunAsync(new CsvManifestSource(dir.Write("in/kept.csv", Csv), "filepath", "caption", null, null), stores, ct: TestContext.Current.CancellationToken);
        var hostile = dir.Write("in/...csv", Csv);

        var refused = await Assert.ThrowsAsync<OptionsValidationFailedException>(() => Importer.Create().ImportAsync(
            new CsvManifestSource(hostile, "filepath", "caption", null, null), new ImportOptions { StoresRoot = stores, Replace = true }, null, TestContext.Current.CancellationToken));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("import.name", error.Field);
        Assert.Contains(hostile, error.Message, StringComparison.Ordinal);
        Assert.Contains("--name", error.Message, StringComparison.Ordinal);
        AssertUntouched(dir, stores, "kept");
    }

    [Fact]
    public async Task ShardNamedDotDot_WithReplace_IsRefusedNamingTheShard_AndNoStoreIsTouched()
    {
        using var dir = new TempDir();
        var stores = dir.Combine("data", "stores");
        dir.Write("in/a.png", TestImages.SolidPng(8, 8, SKColors.Red));
        await Importer.RunAsync(new CsvManifestSource(dir.Write("in/kept.csv", Csv), "filepath", "caption", null, null), stores, ct: TestContext.Current.CancellationToken);
        var shard = dir.Combine("in", "..tar");
        Shards.Write(dir.Combine("in", "plain.tar"), [("a.png", TestImages.SolidPng(8, 8, SKColors.Blue)), ("a.txt", Encoding.UTF8.GetBytes("blue"))]);
        File.Move(dir.Combine("in", "plain.tar"), shard);

        var refused = await Assert.ThrowsAsync<OptionsValidationFailedException>(() => Importer.Create().ImportAsync(
            new WebDatasetSource(shard), new ImportOptions { StoresRoot = stores, Replace = true }, null, TestContext.Current.CancellationToken));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("import.name", error.Field);
        Assert.Contains(shard, error.Message, StringComparison.Ordinal);
        AssertUntouched(dir, stores, "kept");
    }

    [Fact]
    public async Task HiddenFolder_IsRefusedUntilGivenAName_ThenImportsUnderThatName()
    {
        using var dir = new TempDir();
        var stores = dir.Combine("data", "stores");
        dir.Write(".hidden/a.png", TestImages.SolidPng(8, 8, SKColors.Red));
        dir.Write(".hidden/a.txt", "a red square");
        var source = new CaptionedFolderSource(dir.Combine(".hidden"));

        var refused = await Assert.ThrowsAsync<OptionsValidationFailedException>(() => Importer.RunAsync(source, stores, ct: TestContext.Current.CancellationToken));
        Assert.Contains(dir.Combine(".hidden"), Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(stores) && Directory.EnumerateFileSystemEntries(stores).Any());

        var report = await Importer.Create().ImportAsync(source, new ImportOptions { StoresRoot = stores, Name = "hidden" }, null, TestContext.Current.CancellationToken);
        Assert.Equal(Path.Combine(stores, "hidden"), report.StorePath);
        Assert.Equal(1, report.Imported);
    }

    [Fact]
    public async Task ExplicitName_TooLongOrWithASeparator_IsRefusedNamingTheField()
    {
        using var dir = new TempDir();
        dir.Write("in/a.png", TestImages.SolidPng(8, 8, SKColors.Red));
        dir.Write("in/a.txt", "a red square");
        foreach (var name in new[] { new string('a', 300), "../up", "/abs", "." })
        {
            var refused = await Assert.ThrowsAsync<OptionsValidationFailedException>(() => Importer.Create().ImportAsync(
                new CaptionedFolderSource(dir.Combine("in")), new ImportOptions { StoresRoot = dir.Combine("stores"), Name = name }, null, TestContext.Current.CancellationToken));
            Assert.Equal("import.name", Assert.Single(refused.Errors).Field);
        }
        Assert.False(Directory.Exists(dir.Combine("stores")));
        Assert.Equal(["in"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Import_RemovesOnlyItsOwnStalePartials_NotThoseOfAStoreWhoseNameItPrefixes()
    {
        using var dir = new TempDir();
        var stores = dir.Combine("stores");
        var stale = Path.Combine(stores, $"{StoreFiles.PartialPrefix}foo-{Guid.NewGuid():N}");
        var othersInProgress = Path.Combine(stores, $"{StoreFiles.PartialPrefix}foo-bar-{Guid.NewGuid():N}");
        Directory.CreateDirectory(stale);
        Directory.CreateDirectory(othersInProgress);
        dir.Write("in/a.png", TestImages.SolidPng(8, 8, SKColors.Red));
        dir.Write("in/a.txt", "a red square");

        await Importer.Create().ImportAsync(new CaptionedFolderSource(dir.Combine("in")), new ImportOptions { StoresRoot = stores, Name = "foo" }, null, TestContext.Current.CancellationToken);

        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(othersInProgress), "the import of 'foo' removed the partial of a running import of 'foo-bar'");
    }

    /// <summary>The earlier store is intact and nothing was written beside or above the stores root.</summary>
    private static void AssertUntouched(TempDir dir, string stores, string kept)
    {
        Assert.True(File.Exists(Path.Combine(stores, kept, StoreFiles.Manifest)), "the existing store was deleted");
        Assert.Equal(["data", "in"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["stores"], Directory.EnumerateFileSystemEntries(dir.Combine("data")).Select(Path.GetFileName));
        Assert.Equal([kept], Directory.EnumerateFileSystemEntries(stores).Select(Path.GetFileName));
    }
}
