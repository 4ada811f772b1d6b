using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.ClipScore;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The clip art's junk titles (uploader e-mails, "gramastar", collection boilerplate) score low under the emoji teacher.</summary>
public sealed class ClipArtJunkTitleTests(EmojiStoreFixture data)
{
    private const int PerKind = 120;

    private static bool IsJunk(string title) =>
        title.Contains('@', StringComparison.Ordinal)
        || title.Contains("gramastar", StringComparison.OrdinalIgnoreCase)
        || title.StartsWith("Part of the Flat Icon Collection", StringComparison.Ordinal);

    [Fact]
    public async Task JunkTitles_ScoreBelowTheRest()
    {
        await new OpenClipArtSource(Importer.RealPackages()).PrepareAsync(TestContext.Current.CancellationToken);
        var root = OpenClipArtSource.DefaultRoot;
        var titled = Directory.EnumerateFiles(Path.Combine(root, "png"), "*.png", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(root, "png"), f))
            .Order(StringComparer.Ordinal)
            .Select(rel => (rel, title: SvgMetadata.Read(Path.Combine(root, "svg", Path.ChangeExtension(rel, ".svg"))).Title))
            .Where(p => !string.IsNullOrWhiteSpace(p.title))
            .ToList();
        var junk = titled.Where(p => IsJunk(p.title!)).ToList();
        var rest = titled.Where(p => !IsJunk(p.title!)).ToList();
        Assert.True(junk.Count >= PerKind, $"only {junk.Count} junk titles");
        // An even spread over the sorted list, so every category is represented on both sides.
        var chosen = Spread(junk, PerKind).Concat(Spread(rest, PerKind)).Select(p => p.Rel).ToList();

        // Import just the chosen files: a root of links in the source's own layout.
        using var dir = new TempDir();
        foreach (var rel in chosen)
        {
            foreach (var (kind, ext) in new[] { ("png", ".png"), ("svg", ".svg") })
            {
                var link = dir.Combine("clipart", kind, Path.ChangeExtension(rel, ext));
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                File.CreateSymbolicLink(link, Path.Combine(root, kind, Path.ChangeExtension(rel, ext)));
            }
        }
        var report = await Importer.RunAsync(new OpenClipArtSource(Importer.RealPackages(), dir.Combine("clipart")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);
        using var store = ClipStore.Open(report.StorePath);
        using var teacher = new CheckpointPairScorer(EmojiTeacher.Checkpoint(data), StaticRegistry.Instance, CPU);
        var ids = Enumerable.Range(0, store.Count).ToArray();
        var scores = teacher.Score(store, ids, TestContext.Current.CancellationToken);

        var junkScores = ids.Where(i => IsJunk(store.Samples[i].Captions[0])).Select(i => scores[i]).ToList();
        var restScores = ids.Where(i => !IsJunk(store.Samples[i].Captions[0])).Select(i => scores[i]).ToList();
        Assert.True(junkScores.Count > PerKind / 2 && restScores.Count > PerKind / 2, $"{junkScores.Count} junk, {restScores.Count} other pairs imported");
        var (junkMean, restMean) = (junkScores.Average(), restScores.Average());
        Assert.True(junkMean < restMean - 0.03, $"mean clip score of junk titles {junkMean:F3}, of the rest {restMean:F3}");

        // The filter's half cut keeps more real titles than junk ones.
        var options = JsonDocument.Parse("""{ "teacher": "emoji", "topPercent": 50 }""").RootElement;
        var context = new FilterContext(0, NullLogger.Instance, _ => teacher, NoServices.Instance);
        var kept = new ClipScoreFilterFactory().Create(options).Apply(store, ids, context, TestContext.Current.CancellationToken).Kept;
        var keptJunk = kept.Count(i => IsJunk(store.Samples[i].Captions[0]));
        Assert.True(keptJunk < kept.Count - keptJunk, $"the top half kept {keptJunk} junk and {kept.Count - keptJunk} other titles");
    }

    private static IEnumerable<(string Rel, string? Title)> Spread(List<(string Rel, string? Title)> items, int count) =>
        Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)]);
}
