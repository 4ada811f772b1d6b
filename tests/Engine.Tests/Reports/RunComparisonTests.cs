using ClipHost.Engine.Evaluation;
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
    public void LossPlot_WritesAPng()
    {
        using var dir = new TempDir();
        var path = dir.Combine("loss.png");
        RunComparison.LossPlot([Run("a-s0", 0.1, 1.0)], path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }
}
