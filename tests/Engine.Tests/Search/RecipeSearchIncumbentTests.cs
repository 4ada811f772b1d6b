using ClipHost.Engine.Search;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Tests.Search;

/// <summary>
/// The incumbent: the base recipe trains in every rung beside the trials, is never counted among the promoted, and is
/// recommended unless a trial beats it at the full budget; the last rung compares at least two trials with it.
/// </summary>
public sealed class RecipeSearchIncumbentTests
{
    private static string Json(string baseLearningRate, string extra = "") => $$"""
        { "name": "s", "base": { "name": "x", "data": { "store": "pool" }, "model": { "vision": { "architecture": "vit", "options": { "preset": "mini" } } }, "training": { "seed": 7, "learningRate": {{baseLearningRate}}, "budget": { "epochs": 1 } } },
          "space": [ { "path": "training.learningRate", "values": [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5] } ],
          "budget": { "gflops": 900 }, "eta": 3, "rungs": 3, "seed": 0 {{extra}},
          "validation": [ { "name": "val", "task": "zeroshot_classification", "store": "pool", "samples": { "split": "val" } } ],
          "objective": ["val/zeroshot_classification/acc1"] }
        """;

    private static (RecipeSearch Search, IReadOnlyList<StudyCell> Points) Parse(string json) => SearchReplay.Parse(json);

    /// <summary>Replays with <paramref name="score"/> giving each finished trial's objective by its run id.</summary>
    private static RecipeSearchProgress Run(RecipeSearch search, IReadOnlyList<StudyCell> points, Func<string, double> score) =>
        SearchReplay.Run(search, points, t => score(t.RunId));

    [Fact]
    public void ABaseOutsideTheSpace_TrainsAsItsOwnPointInEveryRung_AndWinsUnlessATrialBeatsIt()
    {
        var (search, points) = Parse(Json("0.002"));
        Assert.Null(points.FirstOrDefault(p => p.Cell == RecipeSearchPlan.BaseCell));

        // The base scores 0.5 in every rung; the trials score by their learning rate, the best 0.4: the base stays.
        var kept = Run(search, points, id => id.EndsWith("-base", StringComparison.Ordinal) ? 0.5 : id.Contains("0.003", StringComparison.Ordinal) ? 0.4 : 0.1);

        Assert.Equal([10, 4, 3], Enumerable.Range(0, 3).Select(r => kept.Rows.Count(t => t.Rung == r)));
        Assert.Equal([0, 1, 2], kept.Rows.Where(t => t.Incumbent).Select(t => t.Rung));
        Assert.All(kept.Rows.Where(t => t.Incumbent), t => Assert.Equal("s-r" + t.Rung + "-base", t.RunId));
        Assert.DoesNotContain(kept.Rows, t => t.Incumbent && t.Promoted);
        Assert.Equal("s-r2-base", kept.Winner!.RunId);
        Assert.Equal(0.002, System.Text.Json.Nodes.JsonNode.Parse(kept.Winner.ExperimentJson)!["training"]!["learningRate"]!.GetValue<double>());

        // A trial that beats it at the full budget is recommended; one that only ties it is not.
        var beaten = Run(search, points, id => id.StartsWith("s-r2-", StringComparison.Ordinal) && id.Contains("0.003", StringComparison.Ordinal) ? 0.6 : id.EndsWith("-base", StringComparison.Ordinal) ? 0.5 : id.Contains("0.003", StringComparison.Ordinal) ? 0.4 : 0.1);
        Assert.EndsWith("0.003", beaten.Winner!.Cell, StringComparison.Ordinal);
        var tied = Run(search, points, id => id.StartsWith("s-r2-", StringComparison.Ordinal) ? 0.5 : id.Contains("0.003", StringComparison.Ordinal) ? 0.4 : 0.1);
        Assert.Equal(RecipeSearchPlan.BaseCell, tied.Winner!.Cell);
    }

    [Fact]
    public void ABaseThatIsAPoint_IsThatPoint_NeverTrainedTwice_AndKeptWhenItRanksLow()
    {
        var (search, points) = Parse(Json("0.001"));
        var incumbent = RecipeSearchPlan.Incumbent(search, points)!;
        Assert.Equal(points.Single(p => p.Values["training.learningRate"] == "0.001").Cell, incumbent.Cell);

        var progress = Run(search, points, id => id.Contains(incumbent.Cell, StringComparison.Ordinal) ? 0.0 : 0.3);

        Assert.All(progress.Rows.GroupBy(r => r.Rung), rung => Assert.Single(rung, r => r.Cell == incumbent.Cell));
        Assert.All(progress.Rows.GroupBy(r => r.Rung), rung => Assert.Equal(rung.Count(), rung.Select(r => r.RunId).Distinct().Count()));
        Assert.NotEqual(incumbent.Cell, progress.Winner!.Cell);
        Assert.Equal(RecipeSearchPlan.RungSizes(search, points), Enumerable.Range(0, 3).Select(r => progress.Rows.Count(t => t.Rung == r)));
    }

    [Fact]
    public void WithoutTheIncumbent_OnlyTheDrawTrains_AndTheLastRungStillComparesTwo()
    {
        var (search, points) = Parse(Json("0.002", """, "incumbent": false"""));

        var progress = Run(search, points, id => id.Length / 100.0);

        Assert.Null(RecipeSearchPlan.Incumbent(search, points));
        Assert.DoesNotContain(progress.Rows, r => r.Incumbent || r.Cell == RecipeSearchPlan.BaseCell);
        Assert.Equal([9, 3, 2], Enumerable.Range(0, 3).Select(r => progress.Rows.Count(t => t.Rung == r)));
        Assert.Equal([9, 3, 2], RecipeSearchPlan.RungSizes(search, points));
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    public void AnIncumbentThatIsNotABoolean_IsRefusedNamingTheField(string value)
    {
        var (search, errors) = RecipeSearchFile.Parse(Json("0.002", $""", "incumbent": {value}"""), null, null);

        Assert.Null(search);
        Assert.Equal("incumbent", Assert.Single(errors).Field);
    }
}
