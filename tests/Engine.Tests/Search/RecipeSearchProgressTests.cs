using ClipHost.Engine.Search;

namespace ClipHost.Engine.Tests.Search;

/// <summary>
/// A search's state replayed from its trials' runs: what the CLI and every host read to know what to train next, so a
/// search stopped anywhere (a host killed mid-trial) resumes with nothing trained twice.
/// </summary>
public sealed class RecipeSearchProgressTests
{
    private const string Json = """
        { "name": "s", "base": { "name": "x", "data": { "store": "pool" }, "model": { "vision": { "architecture": "vit", "options": { "preset": "mini" } } }, "training": { "seed": 7, "budget": { "epochs": 1 } } },
          "space": [ { "path": "training.learningRate", "values": [0.0001, 0.0003, 0.001, 0.003] } ],
          "budget": { "gflops": 400 }, "eta": 2, "rungs": 3, "seed": 0, "incumbent": false,
          "validation": [ { "name": "val", "task": "zeroshot_classification", "store": "pool", "samples": { "split": "val" } } ],
          "objective": ["val/zeroshot_classification/acc1"] }
        """;

    private static readonly RecipeSearch Search = RecipeSearchFile.Parse(Json, null, null).Search!;

    private static readonly IReadOnlyList<ClipHost.Engine.Studies.StudyCell> Points = RecipeSearchPlan.Points(Search).Points;

    private static RecipeTrialOutcome Done(double acc1) =>
        new(true, new Dictionary<string, double> { ["val/zeroshot_classification/acc1"] = acc1 }, 10);

    [Fact]
    public void ANewSearch_HasEveryFirstRungTrialPending_AndNoRows()
    {
        var progress = RecipeSearchProgress.Replay(Search, Points, _ => null);

        Assert.Equal(0, progress.Rung);
        Assert.Equal(4, progress.Pending.Count);
        Assert.All(progress.Pending, t => Assert.StartsWith("s-r0-", t.RunId, StringComparison.Ordinal));
        Assert.Empty(progress.Rows);
        Assert.Null(progress.Winner);
    }

    [Fact]
    public void ARungWithOneTrialStillTraining_KeepsOnlyThatTrialPending()
    {
        var outcomes = Points.ToDictionary(p => $"s-r0-{p.Cell}", p => Done(0.1));
        outcomes[$"s-r0-{Points[2].Cell}"] = new RecipeTrialOutcome(false, null, null);

        var progress = RecipeSearchProgress.Replay(Search, Points, id => outcomes.GetValueOrDefault(id));

        Assert.Equal($"s-r0-{Points[2].Cell}", Assert.Single(progress.Pending).RunId);
        Assert.Equal(3, progress.Rows.Count);
        Assert.DoesNotContain(progress.Rows, r => r.Promoted);
    }

    [Fact]
    public void FinishedRungs_PromoteTheBestHalf_AndTheLastRungsBestIsTheWinner_AFailedTrialIsNotTrainedAgain()
    {
        var scores = new[] { 0.30, 0.10, 0.50, 0.20 };
        var outcomes = Points.Select((p, i) => ($"s-r0-{p.Cell}", scores[i] > 0.15 ? Done(scores[i]) : new RecipeTrialOutcome(true, null, 3))).ToDictionary();

        var second = RecipeSearchProgress.Replay(Search, Points, id => outcomes.GetValueOrDefault(id));
        Assert.Equal(1, second.Rung);
        Assert.Equal([$"s-r1-{Points[0].Cell}", $"s-r1-{Points[2].Cell}"], second.Pending.Select(t => t.RunId).Order(StringComparer.Ordinal));
        Assert.Null(Assert.Single(second.Rows, r => r.Cell == Points[1].Cell).Objective);
        Assert.Equal(2, second.Rows.Count(r => r.Promoted));

        outcomes[$"s-r1-{Points[0].Cell}"] = Done(0.6);
        outcomes[$"s-r1-{Points[2].Cell}"] = Done(0.4);
        outcomes[$"s-r2-{Points[0].Cell}"] = Done(0.7);
        var done = RecipeSearchProgress.Replay(Search, Points, id => outcomes.GetValueOrDefault(id));

        Assert.Empty(done.Pending);
        Assert.Equal($"s-r2-{Points[0].Cell}", done.Winner!.RunId);
        Assert.Equal(7, done.Rows.Count);
        Assert.Equal(400, done.Rows.Single(r => r.Rung == 2).BudgetGflops);
    }

    [Fact]
    public void ARungWhoseEveryTrialFailed_StallsTheSearch_SayingWhy()
    {
        var progress = RecipeSearchProgress.Replay(Search, Points, _ => new RecipeTrialOutcome(true, null, null));

        Assert.Empty(progress.Pending);
        Assert.Null(progress.Winner);
        Assert.Contains("rung 0", progress.Stalled, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSelfContainedForm_ParsesWithoutAFolder_ToTheSameSearch()
    {
        var again = RecipeSearchFile.Parse(RecipeSearchFile.SelfContained(Json, Search with { BudgetGflops = 800 }), null, null).Search!;

        Assert.Equal(800, again.BudgetGflops);
        Assert.Equal(Search.Base.ToJsonString(), again.Base.ToJsonString());
        Assert.Equal(RecipeSearchPlan.Points(Search).Points.Select(p => p.Cell), RecipeSearchPlan.Points(again).Points.Select(p => p.Cell));
    }
}
