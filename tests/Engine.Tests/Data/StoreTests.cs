using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Data;

public sealed class StoreTests
{
    [Fact]
    public void Writer_ThenReader_GivesBackEveryByteAndField()
    {
        using var dir = new TempDir();
        var random = new Random(7);
        var written = new List<(byte[] Pixels, StoredSample Sample)>();
        using (var writer = new StoreWriter(dir.Path, "s", 8))
        {
            for (var i = 0; i < 20; i++)
            {
                var pixels = new byte[8 * 8 * 3];
                random.NextBytes(pixels);
                var sample = new StoredSample
                {
                    Id = i,
                    Key = $"k{i}",
                    Captions = [$"caption {i}", "second"],
                    Split = i % 5 == 0 ? Splits.Test : Splits.Train,
                    Group = $"g{i / 2}",
                    Width = 10 + i,
                    Height = 20,
                    Labels = new Dictionary<string, string> { ["colour"] = i % 2 == 0 ? "red" : "blue" },
                    Meta = new Dictionary<string, string> { ["style"] = "x" },
                };
                writer.Add(pixels, sample);
                written.Add((pixels, sample));
            }
            writer.Complete("s", "test", new { }, 0, 0, 0, 0.2, replace: false);
        }

        using var store = ClipStore.Open(dir.Combine("s"));
        Assert.Equal(20, store.Count);
        Assert.Equal(["blue", "red"], store.Manifest.LabelSets["colour"]);
        Assert.Equal(4, store.Manifest.Splits[Splits.Test]);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(written[i].Pixels, store.GetPixels(i).ToArray());
            var s = store.Samples[i];
            Assert.Equal(written[i].Sample.Captions, s.Captions);
            Assert.Equal((written[i].Sample.Key, written[i].Sample.Split, written[i].Sample.Width), (s.Key, s.Split, s.Width));
            Assert.Equal(i % 2 == 0 ? 1 : 0, store.GetSample(i).Labels["colour"]);
        }
        Assert.True(store.VerifyContentHash());
    }

    [Fact]
    public async Task ContentHash_ChangesWithOnePixelAndIsStableAcrossImports()
    {
        using var dir = new TempDir();
        dir.Write("in/a.png", TestImages.NoisePng(32, 1));
        dir.Write("in/a.txt", "noise");
        var first = await Importer.RunAsync(new CaptionedFolderSource(dir.Combine("in")), dir.Combine("one"), ct: TestContext.Current.CancellationToken);
        var second = await Importer.RunAsync(new CaptionedFolderSource(dir.Combine("in")), dir.Combine("two"), ct: TestContext.Current.CancellationToken);
        Assert.Equal(first.ContentHash, second.ContentHash);

        var pixels = Path.Combine(second.StorePath, StoreFiles.Pixels);
        var bytes = File.ReadAllBytes(pixels);
        bytes[5] ^= 1;
        File.WriteAllBytes(pixels, bytes);
        using var tampered = ClipStore.Open(second.StorePath);
        Assert.False(tampered.VerifyContentHash());
    }

    [Fact]
    public async Task Import_OverAnExistingStore_IsRefusedUnlessReplace()
    {
        using var dir = new TempDir();
        dir.Write("in/a.png", TestImages.SolidPng(8, 8, SKColors.Red));
        dir.Write("in/a.txt", "red");
        var source = new CaptionedFolderSource(dir.Combine("in"));
        await Importer.RunAsync(source, dir.Combine("stores"), ct: TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<ClipHost.Abstractions.Options.OptionsValidationFailedException>(() =>
            Importer.RunAsync(source, dir.Combine("stores"), ct: TestContext.Current.CancellationToken));
        Assert.Equal("import.name", Assert.Single(refused.Errors).Field);

        dir.Write("in/b.png", TestImages.SolidPng(8, 8, SKColors.Blue));
        dir.Write("in/b.txt", "blue");
        var replaced = await Importer.Create().ImportAsync(source, new ImportOptions { StoresRoot = dir.Combine("stores"), Replace = true }, null, TestContext.Current.CancellationToken);
        using var store = ClipStore.Open(replaced.StorePath);
        Assert.Equal(2, store.Count);
        Assert.Single(Directory.EnumerateDirectories(dir.Combine("stores")));
    }

    [Fact]
    public void Open_DirectoryWithoutManifest_IsRefusedWithTheReason()
    {
        using var dir = new TempDir();
        dir.Write("s/images.u8", new byte[192]);
        var error = Assert.Throws<InvalidDataException>(() => ClipStore.Open(dir.Combine("s")));
        Assert.Contains("manifest.json is missing", error.Message, StringComparison.Ordinal);
    }
}
