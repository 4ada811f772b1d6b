using ClipHost.Engine.Search;
using ClipHost.Reports;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>The search's report sets the recommendation against the base recipe at the full budget, and marks each trial's role.</summary>
public sealed class RecipeSearchReportTests
{
    private static readonly RecipeSearchCompute Compute = new(5000, 6, 0, 0, 1000);

    private static readonly Dictionary<string, string> NoValues = [];

    private static RecipeTrialRow Row(int rung, string cell, double objective, bool promoted = false, bool incumbent = false) =>
        new(rung, cell, $"s-r{rung}-{cell}", 1000 / Math.Pow(3, 2 - rung), 1000 / Math.Pow(3, 2 - rung), objective, promoted, NoValues) { Incumbent = incumbent };

    private static string Report(string winner, double baseFinal, double aFinal) => RecipeSearchReport.Markdown("s", Compute, ["val/zeroshot_classification/acc1"],
        [Row(0, "a", 0.30, promoted: true), Row(0, "b", 0.20, promoted: true), Row(0, "c", 0.10), Row(0, "base", 0.25, incumbent: true),
         Row(2, "a", aFinal), Row(2, "b", 0.31), Row(2, "base", baseFinal, incumbent: true)], winner, new Dictionary<string, double>());

    [Fact]
    public void ATrialThatBeatTheBase_IsRecommended_WithItsGainAndAWordOnTheNoise()
    {
        var report = Report("a", 0.40, 0.425);

        Assert.Contains("Against the base recipe (base) at the full budget: 42.50% against 40.00%, +2.50 points on validation.", report, StringComparison.Ordinal);
        Assert.Contains("within the seed-to-seed noise", report, StringComparison.Ordinal);
        Assert.Contains("| 2 | a | 1,000 | 1,000 | 42.50 | winner |", report, StringComparison.Ordinal);
        Assert.Contains("| 2 | base | 1,000 | 1,000 | 40.00 | base |", report, StringComparison.Ordinal);
        Assert.Contains("| 0 | a | 111 | 111 | 30.00 | promoted |", report, StringComparison.Ordinal);
        Assert.Contains("| 0 | c | 111 | 111 | 10.00 |  |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheBaseWon_TheReportSaysNoTrialBeatIt_AndNamesTheBestTrial()
    {
        var report = Report("base", 0.40, 0.38);

        Assert.Contains("No trial beat the base recipe on validation at the full budget, so the base is recommended: 40.00% against 38.00% for the best trial, a.", report, StringComparison.Ordinal);
        Assert.Contains("| 2 | base | 1,000 | 1,000 | 40.00 | base, winner |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ASearchWithoutTheIncumbent_SaysNothingOfABase()
    {
        var report = RecipeSearchReport.Markdown("s", Compute, ["val/zeroshot_classification/acc1"], [Row(2, "a", 0.4), Row(2, "b", 0.3)], "a", new Dictionary<string, double>());

        Assert.DoesNotContain("base recipe", report, StringComparison.Ordinal);
        Assert.Contains("| 2 | a | 1,000 | 1,000 | 40.00 | winner |", report, StringComparison.Ordinal);
    }
}
