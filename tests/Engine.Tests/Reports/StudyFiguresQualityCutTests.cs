using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Filtering;
using ClipHost.Reports;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>
/// The quality-cut plot's x is the share of the filter's candidates a cut keeps (top 20% at 20), not of the whole store:
/// a store whose val/test splits and held-out styles never enter the filter would put a 20% cut at 9%.
/// </summary>
public sealed class StudyFiguresQualityCutTests
{
    private static RunSummary Run(int kept, int candidates, int storeSize, double acc1) =>
        new("r", [new EvalResult { Dataset = "d", Model = "m", Pretrained = "p", Task = "zeroshot_classification", Metrics = new Dictionary<string, double> { ["acc1"] = acc1 }, Samples = 10, Selection = "all" }], [], null,
            new SubsetRecord("s", "pool", "hash", 0, storeSize, "split train", [.. Enumerable.Range(0, kept)],
                [new FilterLineage("clip-score", "1", "p", null, candidates, kept, candidates - kept)], DateTimeOffset.UnixEpoch));

    [Fact]
    public void TheKeptFraction_IsOfTheFiltersCandidates()
    {
        var study = new StudyView("q", ["data.filters[0].options.topPercent"], [
            new StudyCellView("top-20", "a", new Dictionary<string, string> { ["data.filters[0].options.topPercent"] = "20" }, "succeeded"),
            new StudyCellView("top-100", "b", new Dictionary<string, string> { ["data.filters[0].options.topPercent"] = "100" }, "succeeded")]);
        var done = new List<(StudyCellView, RunSummary)> { (study.Cells[0], Run(200, 1000, 4400, 0.3)), (study.Cells[1], Run(1000, 1000, 4400, 0.2)) };

        var figure = Assert.Single(StudyFigures.Of(study, done, "d top-1"), f => f.Name.StartsWith("quality-cut", StringComparison.Ordinal));

        Assert.Equal([20.0, 100.0], figure.Series.SelectMany(s => s.X).Order());
    }
}
