using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Data;

/// <summary>`clip-host data merge`: a pool store from real emoji and real clip art, pixels copied as stored.</summary>
public sealed class StoreMergerTests(EmojiStoreFixture data)
{
    [Fact]
    public async Task Merge_ConcatenatesSamplesAndPixels_TagsTheSource_AndKeepsLabelSetsApart()
    {
        using var dir = new TempDir();
        var stores = dir.Combine("stores");
        Directory.CreateDirectory(stores);
        CopyDirectory(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store), Path.Combine(stores, "emoji"));
        await Importer.RunAsync(new OpenClipArtSource(Importer.RealPackages()), stores, limit: 120, ct: TestContext.Current.CancellationToken);

        var manifest = StoreMerger.Merge(stores, "pool", ["emoji", "openclipart"], replace: false);

        using var emoji = ClipStore.Open(Path.Combine(stores, "emoji"));
        using var clipart = ClipStore.Open(Path.Combine(stores, "openclipart"));
        using var pool = ClipStore.Open(Path.Combine(stores, "pool"));
        Assert.Equal(emoji.Count + clipart.Count, pool.Count);
        Assert.Equal(emoji.Manifest.Splits["train"] + clipart.Manifest.Splits["train"], pool.Manifest.Splits["train"]);
        Assert.Equal(manifest.ContentHash, pool.ContentHash);
        Assert.True(pool.VerifyContentHash());
        foreach (var (source, offset, id) in new[] { (emoji, 0, 5), (clipart, emoji.Count, 7) })
        {
            var merged = pool.Samples[offset + id];
            var original = source.Samples[id];
            Assert.Equal(original.Captions, merged.Captions);
            Assert.Equal(original.Split, merged.Split);
            Assert.Equal($"{source.Name}/{original.Key}", merged.Key);
            Assert.Equal(source.Name, merged.Meta["source"]);
            Assert.Equal(source.GetPixels(id).ToArray(), pool.GetPixels(offset + id).ToArray());
        }
        // Both stores have a "category" label set with different class names: they stay apart.
        Assert.Equal(emoji.Manifest.LabelSets["category"], pool.Manifest.LabelSets["emoji.category"]);
        Assert.Equal(clipart.Manifest.LabelSets["category"], pool.Manifest.LabelSets["openclipart.category"]);
        Assert.DoesNotContain("category", pool.Manifest.LabelSets.Keys);
        // The emoji selection of the quickstart ("except style google") still works on the pool.
        Assert.Equal(emoji.Samples.Count(s => s.Meta["style"] != "google"), pool.Samples.Count(s => s.Meta["source"] == "emoji" && s.Meta.GetValueOrDefault("style") != "google"));

        var exists = Assert.Throws<IOException>(() => StoreMerger.Merge(stores, "pool", ["emoji", "openclipart"], replace: false));
        Assert.Contains("--replace", exists.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_RefusesMissingStores_AndDifferentResolutions_NamingThem()
    {
        using var dir = new TempDir();
        var stores = dir.Combine("stores");
        Directory.CreateDirectory(stores);
        CopyDirectory(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store), Path.Combine(stores, "emoji"));
        await Importer.Create().ImportAsync(new OpenClipArtSource(Importer.RealPackages()),
            new ClipHost.Engine.Data.Import.ImportOptions { StoresRoot = stores, Limit = 20, Resolution = 32 }, null, TestContext.Current.CancellationToken);

        var missing = Assert.Throws<ArgumentException>(() => StoreMerger.Merge(stores, "pool", ["emoji", "nope"], replace: false));
        Assert.Contains("no store 'nope'", missing.Message, StringComparison.Ordinal);
        var resolution = Assert.Throws<ArgumentException>(() => StoreMerger.Merge(stores, "pool", ["emoji", "openclipart"], replace: false));
        Assert.Contains("'openclipart' is 32 px", resolution.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StoreMerger.Merge(stores, "emoji", ["emoji", "openclipart"], replace: true));
        Assert.False(Directory.Exists(Path.Combine(stores, "pool")));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
