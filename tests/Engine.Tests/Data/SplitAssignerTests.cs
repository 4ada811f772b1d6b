using ClipHost.Engine.Data.Store;

namespace ClipHost.Engine.Tests.Data;

public sealed class SplitAssignerTests
{
    private static readonly string[] Groups = [.. Enumerable.Range(0, 5000).Select(i => $"group-{i}")];

    [Fact]
    public void Assign_SameSeed_SameSplits()
    {
        var a = new SplitAssigner(42, 0.05, 0.1);
        var b = new SplitAssigner(42, 0.05, 0.1);
        Assert.Equal(Groups.Select(a.Assign), Groups.Select(b.Assign));
    }

    [Fact]
    public void Assign_OtherSeed_OtherSplits()
    {
        var a = Groups.Select(new SplitAssigner(1, 0.05, 0.1).Assign).ToList();
        var b = Groups.Select(new SplitAssigner(2, 0.05, 0.1).Assign).ToList();
        Assert.True(a.Zip(b).Count(p => p.First != p.Second) > 500);
    }

    [Fact]
    public void Assign_Fractions_AreMetWithinSamplingError()
    {
        var assigner = new SplitAssigner(0, 0.05, 0.1);
        var counts = Groups.GroupBy(assigner.Assign).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(counts[Splits.Test], 400, 600);
        Assert.InRange(counts[Splits.Val], 175, 325);
    }

    [Fact]
    public void Constructor_FractionsSummingToOne_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitAssigner(0, 0.5, 0.5));
}
