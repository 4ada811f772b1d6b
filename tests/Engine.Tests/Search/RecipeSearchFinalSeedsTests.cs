using System.Text.Json.Nodes;
using ClipHost.Engine.Search;

namespace ClipHost.Engine.Tests.Search;

/// <summary>
/// "finalSeeds": the last rung trains each finalist and the incumbent with that many seeds and ranks points by their
/// mean, so one lucky seed cannot decide the answer; earlier rungs stay one seed; seed 0 keeps its plain run name.
/// </summary>
public sealed class RecipeSearchFinalSeedsTests
{
    private static string Json(string extra) => $$"""
        { "name": "s", "base": { "name": "x", "data": { "store": "pool" }, "model": { "vision": { "architecture": "vit", "options": { "preset": "mini" } } }, "training": { "seed": 7, "learningRate": 0.002, "budget": { "epochs": 1 } } },
          "space": [ { "path": "training.learningRate", "values": [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5] } ],
          "budget": { "gflops": 900 }, "eta": 3, "rungs": 3, "seed": 10 {{extra}},
          "validation": [ { "name": "val", "task": "zeroshot_classification", "store": "pool", "samples": { "split": "val" } } ],
          "objective": ["val/zeroshot_classification/acc1"] }
        """;

    private static bool IsBase(RecipeTrial t) => t.Cell == RecipeSearchPlan.BaseCell;

    private static bool IsBest(RecipeTrial t) => t.Cell.EndsWith("0.003", StringComparison.Ordinal);

    [Fact]
    public void TheLastRung_TrainsEveryFinalistWithEachSeed_UnderItsOwnNameAndSeed()
    {
        var (search, points) = SearchReplay.Parse(Json(""", "finalSeeds": 2"""));

        var progress = SearchReplay.Run(search, points, t => IsBase(t) ? 0.5 : IsBest(t) ? 0.4 : 0.1);

        Assert.Equal([10, 4, 6], RecipeSearchPlan.RungSizes(search, points));
        Assert.Equal([10, 4, 6], Enumerable.Range(0, 3).Select(r => progress.Rows.Count(t => t.Rung == r)));
        Assert.All(progress.Rows.Where(r => r.Rung < 2), r => Assert.Equal(0, r.Seed));
        var final = progress.Rows.Where(r => r.Rung == 2).ToList();
        Assert.All(final.GroupBy(r => r.Cell), g => Assert.Equal([0, 1], g.Select(r => r.Seed).Order()));
        Assert.Contains(final, r => r.RunId == "s-r2-base-seed-1" && r.Label == "base (seed +1)");
        Assert.Equal(final.Count, final.Select(r => r.RunId).Distinct().Count());
        var second = RecipeSearchPlan.Trial(search, RecipeSearchPlan.Incumbent(search, points)!, 2, 1);
        Assert.Equal(11, JsonNode.Parse(second.ExperimentJson)!["training"]!["seed"]!.GetValue<int>());
        Assert.Equal(10, JsonNode.Parse(RecipeSearchPlan.Trial(search, points[0], 0).ExperimentJson)!["training"]!["seed"]!.GetValue<int>());
    }

    [Fact]
    public void PointsAreRankedByTheirSeedsMean_SoOneLuckySeedDoesNotWin()
    {
        var (search, points) = SearchReplay.Parse(Json(""", "finalSeeds": 2"""));

        // At the full budget the best trial's first seed beats the base (0.6 against 0.5), its second does not (0.3).
        var lucky = SearchReplay.Run(search, points, t => t.Rung == 2 && IsBest(t) ? (t.SeedIndex == 0 ? 0.6 : 0.3) : IsBase(t) ? 0.5 : IsBest(t) ? 0.4 : 0.1);
        Assert.Equal("s-r2-base", lucky.Winner!.RunId);

        // Both seeds ahead: it wins, and its recommended run is its first seed's, the plain name.
        var steady = SearchReplay.Run(search, points, t => t.Rung == 2 && IsBest(t) ? 0.6 - (0.01 * t.SeedIndex) : IsBase(t) ? 0.5 : IsBest(t) ? 0.4 : 0.1);
        Assert.True(IsBest(steady.Winner!));
        Assert.Equal(0, steady.Winner!.SeedIndex);
        Assert.DoesNotContain("-seed-", steady.Winner.RunId, StringComparison.Ordinal);
    }

    [Fact]
    public void OneSeed_IsTheDefault_AndKeepsTheNamesASearchAlreadyTrained()
    {
        var (one, points) = SearchReplay.Parse(Json(string.Empty));
        var (two, _) = SearchReplay.Parse(Json(""", "finalSeeds": 2"""));

        Assert.Equal(1, one.FinalSeeds);
        Assert.Equal([10, 4, 3], RecipeSearchPlan.RungSizes(one, points));
        // Asking for more seeds later keeps every run the one-seed search trained: its names and configs are the same.
        Assert.All(points, p => Assert.Equal(RecipeSearchPlan.Trial(one, p, 2), RecipeSearchPlan.Trials(two, p, 2).First()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("\"two\"")]
    public void FinalSeedsOutOfRange_AreRefusedNamingTheField(string value)
    {
        var (search, errors) = RecipeSearchFile.Parse(Json($""", "finalSeeds": {value}"""), null, null);

        Assert.Null(search);
        Assert.Equal("finalSeeds", Assert.Single(errors).Field);
    }
}
