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

    [Theory]
    [InlineData(0.45, 0.44, "The gap is larger than either recipe's seed spread (at most 0.71).")]
    [InlineData(0.45, 0.30, "The gap is inside the seed spread (10.61): the lead may be the seeds'; train more seeds of both before switching.")]
    public void WithSeveralFinalSeeds_EachPointIsItsMeanAndSpread_AndTheGapIsSetAgainstTheSpread(double aSeed0, double aSeed1, string verdict)
    {
        var report = RecipeSearchReport.Markdown("s", Compute, ["val/zeroshot_classification/acc1"],
            [Row(2, "a", aSeed0), Row(2, "a", aSeed1) with { Seed = 1, RunId = "s-r2-a-seed-1" },
             Row(2, "base", 0.40, incumbent: true), Row(2, "base", 0.41, incumbent: true) with { Seed = 1, RunId = "s-r2-base-seed-1" }], "a", new Dictionary<string, double>());

        var mean = 100 * (aSeed0 + aSeed1) / 2;
        Assert.Contains(FormattableString.Invariant($"Against the base recipe (base) at the full budget: {mean:F2}% +- "), report, StringComparison.Ordinal);
        Assert.Contains("against 40.50% +- 0.71 (n=2)", report, StringComparison.Ordinal);
        Assert.Contains(verdict, report, StringComparison.Ordinal);
        Assert.DoesNotContain("One seed each", report, StringComparison.Ordinal);
        Assert.Contains("| 2 | a (seed +1) | 1,000 |", report, StringComparison.Ordinal);
    }
}
