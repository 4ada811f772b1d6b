using ClipHost.Engine.Search;

namespace ClipHost.Engine.Tests.Search;

/// <summary>
/// The first rung's draw is balanced: an orthogonal array when the space allows one (every value equally often, every
/// pair of values of two axes once), else every axis's values spread evenly; the seed picks which balanced set.
/// </summary>
public sealed class RecipeSearchDesignTests
{
    [Theory]
    [InlineData(3, 4)]
    [InlineData(3, 2)]
    [InlineData(2, 3)]
    [InlineData(5, 6)]
    public void WhenEveryAxisHasPrimeLevels_AndTheRungHasTheirSquare_TheDrawIsAnOrthogonalArrayOfStrengthTwo(int p, int axes)
    {
        var levels = Enumerable.Repeat(p, axes).ToArray();
        for (var seed = 0; seed < 5; seed++)
        {
            var rows = RecipeSearchDesign.Rows(levels, p * p, new Random(seed));

            Assert.Equal(p * p, rows.Select(r => RecipeSearchDesign.Index(levels, r)).Distinct().Count());
            for (var a = 0; a < axes; a++)
            {
                Assert.All(Enumerable.Range(0, p), v => Assert.Equal(p, rows.Count(r => r[a] == v)));
                for (var b = a + 1; b < axes; b++)
                {
                    // Strength 2: each of the p² pairs of values of axes a and b appears exactly once.
                    Assert.Equal(p * p, rows.Select(r => (r[a], r[b])).Distinct().Count());
                }
            }
        }
    }

    [Fact]
    public void TheL9_ForFourThreeValuedAxes_IsAnotherBalancedSetForAnotherSeed()
    {
        int[] levels = [3, 3, 3, 3];
        var draws = Enumerable.Range(0, 6).Select(seed => string.Join(",", RecipeSearchDesign.Rows(levels, 9, new Random(seed)).Select(r => RecipeSearchDesign.Index(levels, r)).Order())).ToList();

        Assert.True(draws.Distinct().Count() > 1, string.Join(" | ", draws));
    }

    [Theory]
    [InlineData(new[] { 3, 2, 2 }, 9)]
    [InlineData(new[] { 4 }, 2)]
    [InlineData(new[] { 2, 3, 5 }, 9)]
    [InlineData(new[] { 3, 3, 3, 3 }, 8)]
    [InlineData(new[] { 2, 2, 2 }, 7)]
    public void OtherwiseEveryAxisValueIsDrawnEqually_ToWithinOne_AndNoPointTwice(int[] levels, int trials)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var rows = RecipeSearchDesign.Rows(levels, trials, new Random(seed));

            Assert.Equal(trials, rows.Select(r => RecipeSearchDesign.Index(levels, r)).Distinct().Count());
            for (var a = 0; a < levels.Length; a++)
            {
                var counts = Enumerable.Range(0, levels[a]).Select(v => rows.Count(r => r[a] == v)).ToList();
                Assert.True(counts.Max() - counts.Min() <= 1, $"seed {seed}, axis {a}: {string.Join(",", counts)}");
            }
        }
    }

    [Fact]
    public void AnAxisWithMoreValuesThanTrials_IsNotAlwaysDrawnFromItsFirstValues()
    {
        int[] levels = [4];
        var drawn = Enumerable.Range(0, 20).SelectMany(seed => RecipeSearchDesign.Rows(levels, 2, new Random(seed)).Select(r => r[0])).ToHashSet();

        Assert.Equal([0, 1, 2, 3], drawn.Order());
    }
}
