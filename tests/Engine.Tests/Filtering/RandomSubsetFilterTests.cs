using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The random-subset filter over the real emoji store: counts, seeds and nesting for dataset-size studies.</summary>
public sealed class RandomSubsetFilterTests(EmojiStoreFixture data)
{
    private static readonly RandomSubsetFilterFactory Factory = new();

    private ClipStore OpenEmoji() => ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));

    private static FilterResult Draw(string options, List<int> candidates, long seed) =>
        FilterHarness.Apply(Factory, options, MemoryDataset.OfCaptions([.. Enumerable.Repeat("x", candidates.Count == 0 ? 0 : candidates.Max() + 1)]), candidates, seed, scored: false);

    [Theory]
    [InlineData(0.5, 1, 1)]
    [InlineData(0.5, 5, 3)]
    [InlineData(0.3, 10, 3)]
    [InlineData(0.07, 100, 7)]
    [InlineData(0.125, 100, 13)]
    [InlineData(0.001, 7, 1)]
    [InlineData(1.0, 9, 9)]
    [InlineData(0.5, 0, 0)]
    public void Fraction_KeepsTheCeilOfItsShare_AtLeastOne_AsClipScoresTopPercentCounts(double fraction, int candidates, int expected)
    {
        var result = Draw($$"""{ "fraction": {{fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }""", [.. Enumerable.Range(0, candidates)], 3);
        Assert.Equal(expected, result.Kept.Count);
    }

    [Fact]
    public void SameSeed_SameSubset_SmallerFractionsNest_AndEveryDropIsExplained()
    {
        using var store = OpenEmoji();
        var candidates = FilterHarness.All(store).Where(i => i % 3 != 0).ToList();

        var half = FilterHarness.Apply(Factory, """{ "fraction": 0.5 }""", store, candidates, seed: 7, scored: false);
        var again = FilterHarness.Apply(Factory, """{ "fraction": 0.5 }""", store, candidates, seed: 7, scored: false);
        var tenth = FilterHarness.Apply(Factory, """{ "fraction": 0.1 }""", store, candidates, seed: 7, scored: false);
        var hundred = FilterHarness.Apply(Factory, """{ "count": 100 }""", store, candidates, seed: 7, scored: false);
        var other = FilterHarness.Apply(Factory, """{ "fraction": 0.5 }""", store, candidates, seed: 8, scored: false);

        Assert.Equal(half.Kept, again.Kept);
        Assert.NotEqual(half.Kept, other.Kept);
        Assert.Subset(half.Kept.ToHashSet(), tenth.Kept.ToHashSet());
        Assert.Subset(tenth.Kept.ToHashSet(), hundred.Kept.ToHashSet());
        Assert.Equal(100, hundred.Kept.Count);
        Assert.All(half.DropReasons!.Values, r => Assert.Equal("not drawn", r));
    }

    [Fact]
    public void Complement_IsDisjointFromTheDraw_AndTogetherTheyCoverEveryCandidate()
    {
        var candidates = Enumerable.Range(0, 101).Where(i => i % 4 != 1).ToList();
        var half = Draw("""{ "fraction": 0.5 }""", candidates, 11);
        var rest = Draw("""{ "fraction": 0.5, "complement": true }""", candidates, 11);
        Assert.Empty(half.Kept.Intersect(rest.Kept));
        Assert.Equal(candidates, half.Kept.Concat(rest.Kept).Order().ToList());
        Assert.Equal(candidates.Count - half.Kept.Count, rest.Kept.Count);
        Assert.Equal(half.Kept, rest.DropReasons!.Keys.Order().ToList());
    }

    [Fact]
    public void SeedsBeyondInt_DrawDifferentSubsets_WhileIntSeedsKeepTheirOldDraw()
    {
        var candidates = Enumerable.Range(0, 200).ToList();
        var one = Draw("""{ "count": 20 }""", candidates, 1);
        var wrapped = Draw("""{ "count": 20 }""", candidates, (1L << 32) + 1);
        Assert.NotEqual(one.Kept, wrapped.Kept);

        // The draw for an int seed is what version 1.0 drew: the first k of Random(seed)'s shuffle.
        var shuffled = candidates.ToArray();
        new Random(-5).Shuffle(shuffled);
        Assert.Equal(shuffled.Take(20).Order(), Draw("""{ "count": 20 }""", candidates, -5).Kept);
    }

    [Fact]
    public void CountAboveTheCandidates_KeepsThemAll() =>
        Assert.Equal([0, 1, 2], Draw("""{ "count": 10 }""", [0, 1, 2], 0).Kept);

    [Theory]
    [InlineData("{}", "options.fraction")]
    [InlineData("""{ "fraction": 0.5, "count": 3 }""", "options.count")]
    [InlineData("""{ "fraction": 0 }""", "options.fraction")]
    [InlineData("""{ "fraction": 1.5 }""", "options.fraction")]
    [InlineData("""{ "count": 0 }""", "options.count")]
    public void BadOptions_AreRefused_NamingTheField(string options, string field)
    {
        var errors = Factory.Validate(FilterHarness.Json(options), "options");
        Assert.Contains(errors, e => e.Field == field);
    }
}
