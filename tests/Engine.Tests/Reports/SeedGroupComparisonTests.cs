using ClipHost.Reports;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>`runs compare` over a sweep's runs: seeds are grouped by what the runs trained, not by how they are named.</summary>
public sealed class SeedGroupComparisonTests
{
    [Fact]
    public void Table_SweepRunsNamedSeedN_FormOneGroupWithMeanStdAndN()
    {
        using var dir = new TempDir();
        var runs = new[]
        {
            RunFolders.Write(dir.Path, "sweep-seed-0", 0, 0.10),
            RunFolders.Write(dir.Path, "sweep-seed-1", 1, 0.20),
            RunFolders.Write(dir.Path, "sweep-seed-2", 2, 0.30),
            RunFolders.Write(dir.Path, "other", 0, 0.50, learningRate: 0.01),
        }.Select(RunSummary.Read).ToList();

        var table = RunComparison.Table(runs);

        // mean 20, sample standard deviation 10, over n = 3 seeds; the run with another learning rate stays alone.
        Assert.Contains("| sweep | 3 | 0, 1, 2 |", table, StringComparison.Ordinal);
        Assert.Contains("20.0 ± 10.0 (3)", table, StringComparison.Ordinal);
        Assert.Contains("| other | 1 | 0 |", table, StringComparison.Ordinal);
    }
}
