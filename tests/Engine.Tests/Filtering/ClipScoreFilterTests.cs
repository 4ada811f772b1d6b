using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.ClipScore;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The clip-score filter over the real emoji store with the emoji teacher, through the engine's score cache.</summary>
public sealed class ClipScoreFilterTests(EmojiStoreFixture data)
{
    private static readonly ClipScoreFilterFactory Factory = new();

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static FilterContext Context(IPairScorer teacher) =>
        new(0, NullLogger.Instance, _ => teacher, NoServices.Instance);

    private ClipStore Open() => ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));

    [Fact]
    public void SecondCut_ScoresNothing_AndTheTighterCutIsASubsetOfTheLooser()
    {
        using var store = Open();
        using var cacheDir = new TempDir();
        using var model = new CheckpointPairScorer(EmojiTeacher.Checkpoint(data), StaticRegistry.Instance, CPU);
        var counting = new CountingScorer(model);
        var cached = new CachingPairScorer(counting, new ScoreCache(cacheDir.Path));
        var candidates = Enumerable.Range(0, store.Count).Where(i => i % 4 == 0).ToList();

        var loose = Factory.Create(Json("""{ "teacher": "emoji-teacher", "topPercent": 40 }""")).Apply(store, candidates, Context(cached), TestContext.Current.CancellationToken);
        Assert.Equal(candidates.Count, counting.Scored);
        Assert.Equal((0, candidates.Count), (cached.LastHits, cached.LastMisses));
        Assert.True(File.Exists(new ScoreCache(cacheDir.Path).PathOf(store.ContentHash, model.ModelHash)));

        // A fresh cache object over the same folder stands for the next process: the scores come from disk.
        var again = new CachingPairScorer(counting, new ScoreCache(cacheDir.Path));
        var tight = Factory.Create(Json("""{ "teacher": "emoji-teacher", "topPercent": 20 }""")).Apply(store, candidates, Context(again), TestContext.Current.CancellationToken);
        Assert.Equal(candidates.Count, counting.Scored);
        Assert.Equal((candidates.Count, 0), (again.LastHits, again.LastMisses));
        Assert.Equal(loose.Scores, tight.Scores);
        Assert.Subset(loose.Kept.ToHashSet(), tight.Kept.ToHashSet());

        // Only ids missing from the cache reach the teacher.
        var otherDir = new ScoreCache(cacheDir.Combine("partial"));
        var partial = new CachingPairScorer(counting, otherDir);
        partial.Score(store, [.. candidates.Take(100)], TestContext.Current.CancellationToken);
        var before = counting.Scored;
        var mixed = partial.Score(store, [.. candidates.Take(150)], TestContext.Current.CancellationToken);
        Assert.Equal(50, counting.Scored - before);
        Assert.Equal((100, 50), (partial.LastHits, partial.LastMisses));
        Assert.Equal(candidates.Take(150).Select(id => loose.Scores![id]), mixed);
    }

    [Fact]
    public void TopPercent_KeepsTheCeilOfKPercent_WithTheHighestScores_AndSaysWhyTheRestWentOut()
    {
        using var store = Open();
        using var cacheDir = new TempDir();
        using var model = new CheckpointPairScorer(EmojiTeacher.Checkpoint(data), StaticRegistry.Instance, CPU);
        var teacher = new CachingPairScorer(model, new ScoreCache(cacheDir.Path));
        var candidates = Enumerable.Range(0, store.Count).Where(i => i % 8 == 0).ToList();

        var result = Factory.Create(Json("""{ "teacher": "t", "topPercent": 12.5 }""")).Apply(store, candidates, Context(teacher), TestContext.Current.CancellationToken);

        Assert.Equal((int)Math.Ceiling(candidates.Count * 0.125), result.Kept.Count);
        Assert.Equal(result.Kept.Order(), result.Kept);
        Assert.Equal(candidates.Count, result.Scores!.Count);
        var lowestKept = result.Kept.Min(id => result.Scores[id]);
        var dropped = candidates.Except(result.Kept).ToList();
        Assert.All(dropped, id => Assert.True(result.Scores[id] <= lowestKept));
        Assert.Equal(dropped.Order(), result.DropReasons!.Keys.Order());
        Assert.Matches(@"^clip score -?\d+(\.\d+)? below the 12\.5% cut -?\d+(\.\d+)?$", result.DropReasons[dropped[0]]);

        var all = Factory.Create(Json("""{ "teacher": "t", "topPercent": 100 }""")).Apply(store, candidates, Context(teacher), TestContext.Current.CancellationToken);
        Assert.Equal(candidates, all.Kept);
    }

    [Fact]
    public void Threshold_KeepsExactlyThePairsScoringAtLeastIt()
    {
        using var store = Open();
        using var cacheDir = new TempDir();
        using var model = new CheckpointPairScorer(EmojiTeacher.Checkpoint(data), StaticRegistry.Instance, CPU);
        var teacher = new CachingPairScorer(model, new ScoreCache(cacheDir.Path));
        var candidates = Enumerable.Range(0, 300).ToList();
        var scores = teacher.Score(store, candidates, TestContext.Current.CancellationToken);
        var median = scores.Order().ElementAt(scores.Length / 2);

        var result = Factory.Create(Json($$"""{ "teacher": "t", "threshold": {{median.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}} }"""))
            .Apply(store, candidates, Context(teacher), TestContext.Current.CancellationToken);

        Assert.Equal(candidates.Where((_, i) => scores[i] >= median), result.Kept);
        Assert.Contains("below the threshold", result.DropReasons!.Values.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyCandidates_AreRefused_NamingTheDataset()
    {
        using var store = Open();
        var filter = Factory.Create(Json("""{ "teacher": "t", "topPercent": 10 }"""));
        var refused = Assert.Throws<InvalidOperationException>(() =>
            filter.Apply(store, [], Context(new CountingScorer(null!)), TestContext.Current.CancellationToken));
        Assert.Contains($"'{store.Name}'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "teacher": "t", "topPercent": 0 }""", "options.topPercent")]
    [InlineData("""{ "teacher": "t", "topPercent": 120 }""", "options.topPercent")]
    [InlineData("""{ "teacher": "t", "threshold": 1.5 }""", "options.threshold")]
    [InlineData("""{ "teacher": "t", "topPercent": 10, "threshold": 0.2 }""", "options.topPercent")]
    [InlineData("""{ "teacher": "t" }""", "options.topPercent")]
    [InlineData("""{ "topPercent": 10 }""", "options.teacher")]
    [InlineData("""{ "teacher": "", "topPercent": 10 }""", "options.teacher")]
    public void BadOptions_AreRefused_NamingTheField(string options, string field)
    {
        var errors = Factory.Validate(Json(options), "options");
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void GoodOptions_Validate()
    {
        Assert.Empty(Factory.Validate(Json("""{ "teacher": "t", "topPercent": 100 }"""), "options"));
        Assert.Empty(Factory.Validate(Json("""{ "teacher": "t", "threshold": -1 }"""), "options"));
    }
}
