using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Plugins.DataFilters.ClipScore;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>
/// Cross-fitted clip-score over the real emoji store: two teachers trained on the two halves of a random-subset draw
/// (and its complement) score each other's half, so no pair is judged by a teacher that memorised it.
/// </summary>
public sealed class CrossFitTests(EmojiStoreFixture data)
{
    private static readonly ClipScoreFilterFactory Factory = new();

    private static FilterStep Half(bool complement) =>
        new("random-subset", JsonDocument.Parse($$"""{ "fraction": 0.5, "complement": {{(complement ? "true" : "false")}} }""").RootElement.Clone());

    private TrainRunOptions Options(TempDir dir) => new() { Layout = TestLayout.Of(data.StoresRoot, dir.Combine("runs"), dir.Combine("subsets"), dir.Combine("scores")), Device = CPU };

    private void TrainTeacher(TempDir dir, string name, FilterStep? half)
    {
        var tiny = TinyExperiments.Tiny(name, samples: 64 * 12, seed: 2);
        var config = tiny with { Data = tiny.Data with { Filters = half is null ? [] : [half], FilterSeed = 9 } };
        new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, Options(dir), null, TestContext.Current.CancellationToken);
    }

    private static int[] TrainedIds(TempDir dir, string run) => [.. SubsetFiles.Read(dir.Combine("runs", run, "subset"))!.Ids];

    [Fact]
    public void EachHalf_IsScoredByTheTeacherThatNeverSawIt_AsRanksWithinThatTeacher()
    {
        using var dir = new TempDir();
        TrainTeacher(dir, "half-a", Half(complement: false));
        TrainTeacher(dir, "half-b", Half(complement: true));
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        var candidates = TinyExperiments.Tiny("x", 64).Data.Train.Select(store);
        var (a, b) = (TrainedIds(dir, "half-a").ToHashSet(), TrainedIds(dir, "half-b").ToHashSet());
        Assert.Empty(a.Intersect(b));
        Assert.Equal(candidates.Order(), a.Concat(b).Order());

        var layout = Options(dir).Layout;
        using var teachers = new TeacherPool(layout.Runs, new ScoreCache(layout.Scores), StaticRegistry.Instance, CPU);
        var context = new ClipHost.Abstractions.DataFilters.FilterContext(0, NullLogger.Instance, teachers.Resolve, NoServices.Instance);
        var result = Factory.Create(FilterHarness.Json("""{ "teachers": ["half-a", "half-b"], "topPercent": 40 }""")).Apply(store, candidates, context, TestContext.Current.CancellationToken);

        FilterHarness.AssertContract(result, candidates);
        Assert.Equal((int)Math.Ceiling(candidates.Length * 0.4), result.Kept.Count);
        // Half a's pairs carry teacher b's ranks among them, and the other way round.
        foreach (var (half, judge) in new[] { (a, "half-b"), (b, "half-a") })
        {
            var ids = half.Order().ToList();
            var cosines = teachers.Resolve(judge).Score(store, ids, TestContext.Current.CancellationToken);
            var order = Enumerable.Range(0, ids.Count).OrderBy(i => cosines[i]).ThenBy(i => ids[i]).ToList();
            for (var rank = 0; rank < order.Count; rank++)
            {
                Assert.Equal(rank / (double)(ids.Count - 1), result.Scores![ids[order[rank]]], 5);
            }
        }
        // The cut takes about as much of each half: ranks share one scale whatever each teacher's cosines do.
        Assert.InRange(result.Kept.Count(a.Contains) / (double)result.Kept.Count, 0.4, 0.6);
        Assert.StartsWith("cross-fitted clip score rank", result.DropReasons!.Values.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void TeachersThatCannotBeCrossFitted_AreRefused_NamingTheTeacherOrThePair()
    {
        using var dir = new TempDir();
        TrainTeacher(dir, "half-a", Half(complement: false));
        TrainTeacher(dir, "same-half", Half(complement: false));
        TrainTeacher(dir, "everything", half: null);
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        var candidates = TinyExperiments.Tiny("x", 64).Data.Train.Select(store);
        var layout = Options(dir).Layout;
        using var teachers = new TeacherPool(layout.Runs, new ScoreCache(layout.Scores), StaticRegistry.Instance, CPU);
        var context = new ClipHost.Abstractions.DataFilters.FilterContext(0, NullLogger.Instance, teachers.Resolve, NoServices.Instance);
        string Refusal(string teachersJson) => Assert.Throws<InvalidOperationException>(() =>
            Factory.Create(FilterHarness.Json($$"""{ "teachers": {{teachersJson}}, "topPercent": 50 }""")).Apply(store, candidates, context, TestContext.Current.CancellationToken)).Message;

        Assert.Contains("teacher 'everything' does not record which pairs of 'emoji' it trained on", Refusal("""["half-a", "everything"]"""), StringComparison.Ordinal);
        var seenByAll = Refusal("""["half-a", "same-half"]""");
        Assert.Contains($"every teacher trained on {TrainedIds(dir, "half-a").Length} of the {candidates.Length} candidates (first: id {TrainedIds(dir, "half-a").Min()}", seenByAll, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "teacher": "a", "teachers": ["b", "c"], "topPercent": 40 }""", "give exactly one of teacher")]
    [InlineData("""{ "topPercent": 40 }""", "give exactly one of teacher")]
    [InlineData("""{ "teachers": ["a"], "topPercent": 40 }""", "teachers: give two or more different runs")]
    [InlineData("""{ "teachers": ["a", "a"], "topPercent": 40 }""", "teachers: give two or more different runs")]
    [InlineData("""{ "teachers": ["a", "b"], "threshold": 0.2 }""", "threshold is a cosine of one teacher")]
    public void BadTeacherOptions_AreRefusedBeforeAnyScoring(string options, string expected)
    {
        var errors = Factory.Validate(FilterHarness.Json(options), "data.filters[0].options");
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ATeacherInTheList_ThatNamesNoRun_IsRefusedByTheValidator_AtItsIndex()
    {
        using var dir = new TempDir();
        TrainTeacher(dir, "half-a", Half(complement: false));
        var steps = new[] { new FilterStep("clip-score", FilterHarness.Json("""{ "teachers": ["half-a", "nobody"], "topPercent": 40 }""")) };
        var errors = FilterStepsValidator.Validate(steps, StaticRegistry.Instance, dir.Combine("runs"), "data.filters");
        var error = Assert.Single(errors);
        Assert.Equal("data.filters[0].options.teachers[1]", error.Field);
        Assert.Contains("nobody", error.Message, StringComparison.Ordinal);
    }
}
