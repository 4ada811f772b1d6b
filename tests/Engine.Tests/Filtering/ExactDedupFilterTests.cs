using System.Security.Cryptography;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The dedup-exact filter on the clip art's own duplicate files and on an image imported twice.</summary>
public sealed class ExactDedupFilterTests
{
    private static readonly ExactDedupFilterFactory Factory = new();

    [Fact]
    public async Task ClipArtDuplicateFiles_KeepTheLowestIdOfEachGroup_AndEveryDropHasTheSamePixels()
    {
        var pngs = await ClipArt.PngsAsync();
        // The package ships the same drawing under several names and categories (scissors_01..03 in office, tools, education).
        var groups = pngs.GroupBy(rel => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(ClipArt.Png(rel)))))
            .Select(g => g.ToList()).ToList();
        var duplicated = groups.Where(g => g.Count > 1).ToList();
        var unique = groups.Where(g => g.Count == 1).Select(g => g[0]).ToList();
        Assert.True(duplicated.Count > 100, $"{duplicated.Count} groups of identical files");
        var chosenGroups = ClipArt.Spread(duplicated, 15).Select(g => g.Take(3).ToList()).ToList();
        using var dir = new TempDir();
        using var store = await ClipArt.ImportAsync([.. chosenGroups.SelectMany(g => g), .. ClipArt.Spread(unique, 60)], dir);
        var idOf = store.Samples.ToDictionary(s => s.Key, s => s.Id);

        var result = FilterHarness.Apply(Factory, "{}", store);

        foreach (var group in chosenGroups)
        {
            var ids = group.Select(rel => idOf[rel]).Order().ToList();
            Assert.Contains(ids[0], result.Kept);
            Assert.All(ids.Skip(1), id => Assert.Equal($"same pixels as #{ids[0]}", result.DropReasons![id]));
            Assert.All(ids, id => Assert.True(result.Scores![id] >= ids.Count));
        }
        foreach (var (id, reason) in result.DropReasons!)
        {
            var original = int.Parse(reason["same pixels as #".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(original < id);
            Assert.True(store.GetPixels(id).Span.SequenceEqual(store.GetPixels(original).Span), $"#{id} and #{original} differ");
        }
        var keptPixels = result.Kept.Select(id => Convert.ToHexString(store.GetPixels(id).Span)).ToList();
        Assert.Equal(keptPixels.Count, keptPixels.Distinct().Count());
        Assert.True(result.DropReasons.Count >= chosenGroups.Sum(g => g.Count - 1));
    }

    [Fact]
    public async Task SameImageImportedTwice_ThroughACsvManifest_IsDroppedOnce()
    {
        var pngs = await ClipArt.PngsAsync();
        using var dir = new TempDir();
        dir.Write("images/cat.png", File.ReadAllBytes(ClipArt.Png(pngs[100])));
        dir.Write("images/cat-copy.png", File.ReadAllBytes(ClipArt.Png(pngs[100])));
        dir.Write("images/other.png", File.ReadAllBytes(ClipArt.Png(pngs[200])));
        var manifest = dir.Write("pairs.csv", """
            filepath,caption
            images/cat.png,a drawing
            images/other.png,another drawing
            images/cat-copy.png,the same drawing saved again
            images/cat.png,the same file listed twice
            """);
        var report = await Importer.RunAsync(new CsvManifestSource(manifest, "filepath", "caption", null, null), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal(4, store.Count);
        var first = store.Samples.First(s => s.Captions[0] == "a drawing").Id;
        var other = store.Samples.First(s => s.Captions[0] == "another drawing").Id;

        var result = FilterHarness.Apply(Factory, "{}", store);

        Assert.Equal(new[] { first, other }.Order(), result.Kept);
        Assert.All(result.DropReasons!.Values, r => Assert.Equal($"same pixels as #{first}", r));
        Assert.Equal((3f, 1f), (result.Scores![first], result.Scores[other]));
    }

    [Fact]
    public async Task OnlyCandidatesCount_AnEarlierFilterDroppingTheOriginalKeepsTheCopy()
    {
        var pngs = await ClipArt.PngsAsync();
        using var dir = new TempDir();
        dir.Write("a/1.png", File.ReadAllBytes(ClipArt.Png(pngs[10])));
        dir.Write("a/1.txt", "first");
        dir.Write("a/2.png", File.ReadAllBytes(ClipArt.Png(pngs[10])));
        dir.Write("a/2.txt", "second");
        var report = await Importer.RunAsync(new CaptionedFolderSource(dir.Combine("a")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);
        using var store = ClipStore.Open(report.StorePath);

        Assert.Equal([0], FilterHarness.Apply(Factory, "{}", store).Kept);
        Assert.Equal([1], FilterHarness.Apply(Factory, "{}", store, [1]).Kept);
    }

    [Fact]
    public void AnyOption_IsRefused_NamingIt()
    {
        Assert.Empty(Factory.Validate(null, "options"));
        Assert.Empty(Factory.Validate(FilterHarness.Json("{}"), "options"));
        var errors = Factory.Validate(FilterHarness.Json("""{ "maxDistance": 2 }"""), "filters[1].options");
        Assert.Contains(errors, e => e.Field.StartsWith("filters[1].options", StringComparison.Ordinal) && e.Message.Contains("maxDistance", StringComparison.Ordinal));
    }
}
