using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Filtering;
using ClipHost.Reports;

namespace ClipHost.Engine.Tests.Reports;

public sealed class RunComparisonTests
{
    private static RunSummary Run(string name, double acc1, double loss) => new(
        name,
        [new EvalResult { Dataset = "d", Model = name, Pretrained = "p", Task = "zeroshot_classification", Metrics = new Dictionary<string, double> { ["acc1"] = acc1 }, Samples = 10, Selection = "all" }],
        [(100, 2.0), (200, loss)],
        null);

    [Fact]
    public void Table_GroupsSeedsAndGivesMeanStdAndRange()
    {
        var table = RunComparison.Table([Run("a-s0", 0.10, 1.5), Run("a-s1", 0.20, 1.25), Run("a-s2", 0.30, 1.0), Run("b", 0.5, 0.9)]);

        Assert.Contains("| a-s1 | 1.250 | - | 20.0 |", table, StringComparison.Ordinal);
        // mean 20, sample standard deviation 10, range 10-30; a run without seeds forms no group.
        // Runs without a config.json fall back to their names: a-s0..a-s2 are one group, b its own.
        Assert.Contains("| a | 3 |  | 0 | 20.0 ± 10.0 (3) |", table, StringComparison.Ordinal);
        Assert.Contains("| b | 1 |  | 0 | 50.0 ± 0.0 (1) |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void RunsOnAPlantedStore_ShowHowManyPlantedPairsTheirFiltersRemoved_AcrossEveryStep()
    {
        FilterLineage Step(string id, int @in, int kept, PlantedCount? planted) => new(id, "1.0", "p", null, @in, kept, @in - kept) { Planted = planted };
        var lineage = new[] { Step("caption-length", 1000, 900, new PlantedCount(400, 30, 100)), Step("clip-score", 900, 500, new PlantedCount(370, 320, 400)) };
        var subset = new SubsetRecord("cut", "pool-noisy", "h", 0, 1000, "every sample", [.. Enumerable.Range(0, 500)], lineage, DateTimeOffset.UnixEpoch);
        var filtered = Run("cut-s0", 0.2, 1.0) with { Subset = subset };
        var clean = Run("clean-s0", 0.2, 1.0) with { Subset = subset with { Lineage = [Step("clip-score", 1000, 500, null)] } };

        var across = PlantedCount.Across(lineage)!;
        Assert.Equal((400, 350, 500), (across.In, across.Dropped, across.AllDropped));
        Assert.Equal("350 of 400 planted removed (recall 87.5%, precision 70.0%)", across.ToString());

        var table = RunComparison.Table([filtered, clean]);
        Assert.Contains("| run | train pairs | samples seen | planted mismatches |", table, StringComparison.Ordinal);
        Assert.Contains("| cut-s0 | 500 | - | 350 of 400 planted removed (recall 87.5%, precision 70.0%) |", table, StringComparison.Ordinal);
        Assert.Contains("| clean-s0 | 500 | - | - |", table, StringComparison.Ordinal);
        Assert.DoesNotContain("planted", RunComparison.Table([clean]), StringComparison.Ordinal);

        // The counts survive the subset record a resumed run reads back (recall and precision are written for readers).
        using var dir = new TempDir();
        SubsetFiles.Write(dir.Path, subset, []);
        var read = SubsetFiles.Read(dir.Path)!;
        Assert.Equal(lineage.Select(l => l.Planted), read.Lineage.Select(l => l.Planted));
        Assert.Contains("\"recall\": 0.075", File.ReadAllText(Path.Combine(dir.Path, SubsetFiles.Record)), StringComparison.Ordinal);
    }

    [Fact]
    public void LossPlot_WritesAPng()
    {
        using var dir = new TempDir();
        var path = dir.Combine("loss.png");
        RunComparison.LossPlot([Run("a-s0", 0.1, 1.0)], path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }
}
