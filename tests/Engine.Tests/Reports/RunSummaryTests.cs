using System.Text.Json;
using ClipHost.Reports;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>A run folder read back: training lines, validation lines and the result files beside the evaluations.</summary>
public sealed class RunSummaryTests
{
    [Fact]
    public void Read_MetricsWithValidationLines_KeepsTheLossCurveAndReadsTheValidationCurve()
    {
        using var dir = new TempDir();
        var run = RunFolders.Write(dir.Path, "with-eval-every", 0, 0.2);
        // training.evalEvery interleaves validation lines, which carry no loss of their own at the top level.
        File.WriteAllLines(Path.Combine(run, "metrics.jsonl"),
        [
            RunFolders.Line(1, 16, 2.0),
            JsonSerializer.Serialize(new { step = 1, samplesSeen = 16, validation = new Dictionary<string, double> { ["loss"] = 2.5, ["text_retrieval_recall@1"] = 0.25 } }),
            RunFolders.Line(2, 32, 1.5),
            JsonSerializer.Serialize(new { step = 2, samplesSeen = 32, validation = new Dictionary<string, double> { ["loss"] = 2.25, ["text_retrieval_recall@1"] = 0.5 } }),
        ]);

        var summary = RunSummary.Read(run);

        Assert.Equal([(16L, 2.0), (32L, 1.5)], summary.Loss);
        Assert.Equal([(16L, 2.5), (32L, 2.25)], summary.Curves.Validation["loss"]);
        Assert.Equal([(16L, 0.25), (32L, 0.5)], summary.Curves.Validation["text_retrieval_recall@1"]);
        Assert.Equal([(16L, 0.001), (32L, 0.002)], summary.Curves.LearningRate);
    }

    [Fact]
    public void Read_EvalFolderWithADistributionShift_ReadsTheShiftBesideTheResults()
    {
        using var dir = new TempDir();
        var run = RunFolders.Write(dir.Path, "shifted", 0, 0.2);
        File.WriteAllText(Path.Combine(run, "eval", "styles_distribution_shift.json"), """
            { "name": "styles", "model": "shifted", "task": "zeroshot_classification", "metric": "acc1", "inDistribution": "colours",
              "inDistributionValue": 0.2, "variants": [ { "dataset": "dark", "value": 0.1, "relativeRobustness": -0.1 } ],
              "average": { "dataset": "average", "value": 0.1, "relativeRobustness": -0.1 } }
            """);

        var summary = RunSummary.Read(run);

        Assert.Equal("colours", Assert.Single(summary.Results).Dataset);
        Assert.Equal(0.1, Assert.Single(summary.Shifts).Average.Value);
    }

    [Fact]
    public void Headline_ALinearProbeBesideZeroShot_GivesItsTopOne_AndTheComparisonReadsIt()
    {
        using var dir = new TempDir();
        var run = RunFolders.Write(dir.Path, "probed", 0, 0.2);
        File.WriteAllText(Path.Combine(run, "eval", "colours_linear_probe.json"), """
            { "dataset": "colours", "model": "probed", "pretrained": "p", "task": "linear_probe", "metrics": { "acc1": 0.75, "acc5": 1.0 },
              "chance": { "acc1": 0.125 }, "samples": 16, "classes": 8, "selection": "all" }
            """);

        var summary = RunSummary.Read(run);

        Assert.Equal([("colours linear probe top-1", 0.75, 0.125), ("colours top-1", 0.2, 0.125)], summary.Headline().ToList());
        Assert.Contains("| probed | 1.500 | - | 75.0 | 20.0 |", RunComparison.Table([summary]), StringComparison.Ordinal);
    }
}
