using ClipHost.Reports;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>The seed statistics against numbers worked out by hand.</summary>
public sealed class SeedStatisticsTests
{
    [Fact]
    public void Of_ThreeSeeds_GivesMeanSampleStdAndN()
    {
        var s = SeedStatistic.Of([0.10, 0.20, 0.30])!;

        Assert.Equal(0.20, s.Mean, 12);
        Assert.Equal(0.10, s.Std, 12); // sqrt((0.01 + 0 + 0.01) / (3 - 1))
        Assert.Equal(3, s.N);
        Assert.Equal("20.0 ± 10.0 (3)", s.ToPercent());
    }

    [Fact]
    public void Of_OneSeed_HasNoSpreadAndNOne()
    {
        Assert.Equal(new SeedStatistic(0.5, 0, 1), SeedStatistic.Of([0.5]));
        Assert.Null(SeedStatistic.Of([]));
    }

    [Fact]
    public void PairedDifference_ThreePairs_IsTheStudentTInterval_AndLeavesTheUnpairedSeedOut()
    {
        var first = new Dictionary<long, double> { [0] = 0.10, [1] = 0.20, [2] = 0.30 };
        var second = new Dictionary<long, double> { [0] = 0.15, [1] = 0.30, [2] = 0.35, [3] = 0.90 };

        var d = PairedDifference.Of(first, second)!;

        // Differences 0.05, 0.10, 0.05: mean 0.0666667, sd 0.0288675; t(0.975, 2 df) = 4.302653 (table value);
        // half width 4.302653 x 0.0288675 / sqrt(3) = 0.0717109.
        Assert.Equal(3, d.N);
        Assert.Equal(0.0666667, d.Mean, 6);
        Assert.Equal(0.0666667 - 0.0717109, d.Lower, 6);
        Assert.Equal(0.0666667 + 0.0717109, d.Upper, 6);
        Assert.Equal([3L], d.Unpaired);
        Assert.Equal("+6.7 [-0.5, +13.8] (n=3; seeds 3 unpaired, left out)", d.ToPercent());
    }

    [Fact]
    public void PairedDifference_NoSharedSeed_IsNone_AndOnePairHasNoInterval()
    {
        Assert.Null(PairedDifference.Of(new Dictionary<long, double> { [0] = 0.1 }, new Dictionary<long, double> { [1] = 0.2 }));
        var one = PairedDifference.Of(new Dictionary<long, double> { [0] = 0.1 }, new Dictionary<long, double> { [0] = 0.3 })!;
        Assert.Equal(1, one.N);
        Assert.True(double.IsNaN(one.Lower));
    }
}
