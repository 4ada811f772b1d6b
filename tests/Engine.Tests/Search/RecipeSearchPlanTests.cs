using System.Text.Json.Nodes;
using ClipHost.Engine.Search;

namespace ClipHost.Engine.Tests.Search;

/// <summary>Recipe search files and successive halving's plan: rung budgets, the seeded first rung, trials, promotions.</summary>
public sealed class RecipeSearchPlanTests
{
    private const string Base = """{ "name": "x", "data": { "store": "pool" }, "model": { "vision": { "architecture": "vit", "options": { "preset": "mini" } } }, "training": { "seed": 7, "budget": { "epochs": 10 } }, "evaluations": [ { "name": "test-set", "task": "zeroshot_classification", "store": "pool" } ] }""";

    private const string Validation = """[ { "name": "val", "task": "zeroshot_classification", "store": "pool", "samples": { "split": "val" } } ]""";

    private static string Search(string space, string extra = "", int eta = 3, int rungs = 3) => $$"""
        { "name": "s", "base": {{Base}}, "space": {{space}}, "budget": { "gflops": 900 }, "eta": {{eta}}, "rungs": {{rungs}}, "seed": 1,
          "validation": {{Validation}}, "objective": ["val/zeroshot_classification/acc1"] {{extra}} }
        """;

    private const string Space = """
        [ { "path": "training.learningRate", "values": [0.0003, 0.001, 0.003] },
          { "name": "tower", "values": [ { "label": "vit", "set": { "model.vision.architecture": "vit" } }, { "label": "resnet", "set": { "model.vision.architecture": "resnet" } } ] },
          { "path": "strategy.id", "values": ["clip", "flip"] } ]
        """;

    private static RecipeSearch Parse(string json)
    {
        var (search, errors) = RecipeSearchFile.Parse(json, null, null);
        Assert.Empty(errors);
        return search!;
    }

    [Fact]
    public void Rungs_TrainEtaTimesFewerTrialsAtEtaTimesTheBudget_TheLastAtTheFullBudget()
    {
        var search = Parse(Search(Space));
        Assert.Equal(9, search.FirstRungTrials);
        Assert.Equal([100.0, 300.0, 900.0], Enumerable.Range(0, 3).Select(search.RungBudget));
        // Each rung costs about one budget: 9 x 100, 3 x 300, 1 x 900.
    }

    [Fact]
    public void TheFirstRung_IsASeededSampleOfTheSpace_AndEveryTrialIsTheBaseAtItsRungsBudget_JudgedOnValidation()
    {
        var search = Parse(Search(Space));
        var (points, errors) = RecipeSearchPlan.Points(search);
        Assert.Empty(errors);
        Assert.Equal(12, points.Count);
        var first = RecipeSearchPlan.FirstRung(search, points);
        Assert.Equal(9, first.Count);
        Assert.Equal(first.Select(p => p.Cell), RecipeSearchPlan.FirstRung(search, points).Select(p => p.Cell));
        Assert.NotEqual(first.Select(p => p.Cell), RecipeSearchPlan.FirstRung(search with { Seed = 2 }, points).Select(p => p.Cell));
        Assert.Equal(3, RecipeSearchPlan.FirstRung(search, points.Take(3).ToList()).Count);

        var trial = RecipeSearchPlan.Trial(search, first[0], 1);
        var config = JsonNode.Parse(trial.ExperimentJson)!;
        Assert.Equal($"s-r1-{first[0].Cell}", trial.RunId);
        Assert.Equal(trial.RunId, config["name"]!.GetValue<string>());
        Assert.Equal(300.0, config["training"]!["budget"]!["gflops"]!.GetValue<double>());
        Assert.Null(config["training"]!["budget"]!["epochs"]);
        Assert.Equal(1, config["training"]!["seed"]!.GetValue<long>());
        Assert.Equal("val", Assert.Single(config["evaluations"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Promotion_KeepsTheBestThird_ByTheMeanObjective_TiesByName()
    {
        var search = Parse(Search(Space)) with { Objective = ["val/zeroshot_classification/acc1", "val/zeroshot_classification/acc5"] };
        Assert.Equal(0.3, RecipeSearchPlan.Objective(search, new Dictionary<string, double> { ["val/zeroshot_classification/acc1"] = 0.2, ["val/zeroshot_classification/acc5"] = 0.4 })!.Value, 9);
        Assert.Null(RecipeSearchPlan.Objective(search, new Dictionary<string, double> { ["val/zeroshot_classification/acc1"] = 0.2 }));
        Assert.Null(RecipeSearchPlan.Objective(search, null));
        var promoted = RecipeSearchPlan.Promote([("a", 0.1), ("b", 0.5), ("c", 0.3), ("d", 0.5), ("e", 0.2), ("f", 0.0), ("g", 0.4)], RecipeSearchPlan.Keep(search, 7, 1));
        Assert.Equal(["b", "d", "g"], promoted);
        Assert.Equal(["x"], RecipeSearchPlan.Promote([("x", 0.1)], RecipeSearchPlan.Keep(search, 1, 1)));
        // Into the last rung at least two go on, so the full budget compares two recipes; a rung always drops one.
        Assert.Equal(1, RecipeSearchPlan.Keep(search, 3, 1));
        Assert.Equal(2, RecipeSearchPlan.Keep(search, 3, 2));
        Assert.Equal(1, RecipeSearchPlan.Keep(search, 2, 2));
        Assert.Equal(3, RecipeSearchPlan.Keep(search, 9, 2));
    }

    [Theory]
    [InlineData("""[ { "path": "training.seed", "values": [0, 1] } ]""", "", 3, 3, "space[0] (seed)")]
    [InlineData("[]", "", 3, 3, "space")]
    [InlineData(Space, "", 1, 3, "eta")]
    [InlineData(Space, "", 3, 9, "rungs")]
    [InlineData(Space, """, "bogus": 1""", 3, 3, "bogus")]
    [InlineData(Space, """, "eta": 2""", 3, 3, "search")]
    public void BadSearches_AreRefused_NamingTheField(string space, string extra, int eta, int rungs, string field)
    {
        var (search, errors) = RecipeSearchFile.Parse(Search(space, extra, eta, rungs), null, null);
        Assert.Null(search);
        Assert.Contains(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc")]
    [InlineData("a/b")]
    public void ASearchName_ThatWouldLeaveTheRunsRoot_IsRefused(string name)
    {
        // The name becomes <runs>/.searches/<name>/ and the prefix of every trial's run folder.
        var (search, errors) = RecipeSearchFile.Parse(Search(Space).Replace("\"name\": \"s\"", $"\"name\": \"{name}\"", StringComparison.Ordinal), null, null);
        Assert.Null(search);
        Assert.Contains(errors, e => e.Field == "name");
    }

    [Fact]
    public void AnObjectiveNamingNoValidationEvaluation_OrNoMetricPath_IsRefused()
    {
        var noEval = Search(Space).Replace("\"val/zeroshot_classification/acc1\"", "\"test-set/zeroshot_classification/acc1\"", StringComparison.Ordinal);
        Assert.Contains(RecipeSearchFile.Parse(noEval, null, null).Errors, e => e.Field == "objective" && e.Message.Contains("names no validation evaluation", StringComparison.Ordinal));
        var noPath = Search(Space).Replace("\"val/zeroshot_classification/acc1\"", "\"acc1\"", StringComparison.Ordinal);
        Assert.Contains(RecipeSearchFile.Parse(noPath, null, null).Errors, e => e.Field == "objective");
        var noBudget = Search(Space).Replace("\"budget\": { \"gflops\": 900 }", "\"budget\": { \"epochs\": 3 }", StringComparison.Ordinal);
        Assert.Contains(RecipeSearchFile.Parse(noBudget, null, null).Errors, e => e.Field == "budget");
    }
}
