using System.Globalization;
using System.Text.Json;

namespace ClipHost.Host.Tests.Search;

/// <summary>
/// `clip-host recipe search`: successive halving over a space on the colours store, trials judged on the validation
/// split, the winner trained at the full budget, evaluated once on the base's evaluations, and a second run of the same
/// search training nothing.
/// </summary>
public sealed class RecipeSearchCliTests
{
    internal static string Search(string name, double budget, string? baseJson = null, string prepare = "[]", bool incumbent = true, int finalSeeds = 1) => $$"""
        { "name": "{{name}}", "base": {{baseJson ?? ColoursData.Tiny("base", evaluate: true)}}, "prepare": {{prepare}},
          "space": [ { "path": "training.learningRate", "values": [0.00001, 0.01, 0.003, 0.0001] } ],
          "budget": { "gflops": {{budget}} }, "eta": 2, "rungs": 2, "seed": 0, "incumbent": {{(incumbent ? "true" : "false")}}, "finalSeeds": {{finalSeeds}},
          "validation": [ { "name": "colours-val", "task": "zeroshot_classification", "store": "colours", "samples": { "split": "val" }, "labels": "folder", "templates": ["a {c} square"] } ],
          "objective": ["colours-val/zeroshot_classification/acc1"] }
        """;

    [Fact]
    public async Task ASearch_PromotesTheBestHalf_TrainsTheWinnerAtTheFullBudget_BesideTheBaseRecipe_AndIsIdempotent()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        // A prepare step trains a run the search needs (a teacher, say): its training counts in the search's compute.
        var json = Search("lr", 4, prepare: """[ { "train": "teacher", "set": { "evaluations": [] } } ]""");
        var file = dir.Write("experiments/searches/lr.json", json);

        var first = await ClipHostProcess.RunAsync(["recipe", "search", file], env);

        Assert.True(first.ExitCode == 0, first.All);
        // Four points; two rungs of x2: the first trains two drawn points at half the budget, the second the better
        // one at the full budget; the base recipe (its learning rate 0.003 is a point) trains in both.
        const string incumbent = "learningRate-0.003";
        var trials = Directory.GetDirectories(dir.Combine("runs")).Select(Path.GetFileName).Where(n => n!.StartsWith("lr-r", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var rung0Count = trials.Count(t => t!.StartsWith("lr-r0-", StringComparison.Ordinal));
        // Two drawn points, and the base unless the draw holds it.
        Assert.InRange(rung0Count, 2, 3);
        Assert.Equal(2, trials.Count(t => t!.StartsWith("lr-r1-", StringComparison.Ordinal)));
        Assert.Equal(rung0Count + 2, trials.Count);
        Assert.Contains($"lr-r0-{incumbent}", trials);
        Assert.Contains($"lr-r1-{incumbent}", trials);
        double Objective(string run) => JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", run, "run.json"))).RootElement.GetProperty("metrics").GetProperty("colours-val/zeroshot_classification/acc1").GetDouble();
        var rung0 = trials.Where(t => t!.StartsWith("lr-r0-", StringComparison.Ordinal)).Select(t => (Cell: t!["lr-r0-".Length..], Objective: Objective(t!))).ToList();
        var best = rung0.Where(t => t.Cell != incumbent).OrderByDescending(t => t.Objective).ThenBy(t => t.Cell, StringComparer.Ordinal).First().Cell;
        Assert.Contains($"lr-r1-{best}", trials);
        // The recommendation: the better of the two at the full budget, the base winning a tie.
        var final = trials.Where(t => t!.StartsWith("lr-r1-", StringComparison.Ordinal)).Select(t => (Cell: t!["lr-r1-".Length..], Objective: Objective(t!))).ToList();
        var winnerCell = final.Single(t => t.Cell == incumbent).Objective >= final.Max(t => t.Objective) ? incumbent : best;
        var winner = $"lr-r1-{winnerCell}";
        double Budget(string run) => JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", run, "compute.json"))).RootElement.GetProperty("budget").GetProperty("value").GetDouble();
        Assert.Equal(2, Budget($"lr-r0-{rung0[0].Cell}"));
        Assert.Equal(4, Budget(winner));
        // Trials are judged on validation only; the winner's test evaluation is the base's, written with the search.
        Assert.All(trials, t => Assert.False(File.Exists(dir.Combine("runs", t!, "eval", "colours_zeroshot_retrieval.json"))));
        var folder = dir.Combine("runs", ".searches", "lr");
        var recommended = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recommended.json"))).RootElement;
        Assert.Equal("lr-recommended", recommended.GetProperty("name").GetString());
        Assert.Equal(4, recommended.GetProperty("training").GetProperty("budget").GetProperty("gflops").GetDouble());
        Assert.Equal(["colours", "colours"], recommended.GetProperty("evaluations").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.True(File.Exists(Path.Combine(folder, "test", "colours_zeroshot_retrieval.json")), first.All);
        var report = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains($"Recommended: **{winnerCell}**", report, StringComparison.Ordinal);
        Assert.Contains(winnerCell == incumbent ? "No trial beat the base recipe on validation at the full budget" : $"Against the base recipe ({incumbent}) at the full budget", report, StringComparison.Ordinal);
        Assert.Contains($"| 1 | {incumbent} | 4 |", report, StringComparison.Ordinal);
        var teacher = JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", "lr-teacher", "compute.json"))).RootElement.GetProperty("trainingGflops").GetDouble();
        var spent = trials.Sum(t => JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", t!, "compute.json"))).RootElement.GetProperty("trainingGflops").GetDouble());
        var compute = string.Create(CultureInfo.InvariantCulture, $"{spent + teacher:N0} training GFLOPs = {(spent + teacher) / 4:F2} x the budget of 4: {spent:N0} over {trials.Count} trials (the winner's own training included) and {teacher:N0} in 1 prepare run(s)");
        Assert.Contains($"Search compute: {compute}", report, StringComparison.Ordinal);
        Assert.Contains("colours/zeroshot_retrieval/text_retrieval_recall@1", report, StringComparison.Ordinal);
        // What each value of the axis gained, from the first rung: both values the first rung drew have a row.
        Assert.Contains("## Evidence per axis", report, StringComparison.Ordinal);
        Assert.All(rung0, t => Assert.Contains($"| training.learningRate | {t.Cell["learningRate-".Length..]} | 1 |", report, StringComparison.Ordinal));

        // `recipe status` reads the same state back from the runs: three trials, the winner, the spend against the budget.
        var status = await ClipHostProcess.RunAsync(["recipe", "status", "lr"], env);
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains($"finished: {winnerCell} recommended", status.Stdout, StringComparison.Ordinal);
        Assert.Contains($"spent {compute}", status.Stdout, StringComparison.Ordinal);
        var unknown = await ClipHostProcess.RunAsync(["recipe", "status", "no-such-search"], env);
        Assert.True(unknown.ExitCode == 2, unknown.All);
        Assert.Contains("config error: name:", unknown.Stderr, StringComparison.Ordinal);

        // Resumed (or repeated), the search finds every trial done and trains nothing.
        var again = await ClipHostProcess.RunAsync(["recipe", "search", file], env);
        Assert.True(again.ExitCode == 0, again.All);
        // Replayed from the runs, every trial is finished: none is trained (or even opened for training) again.
        Assert.DoesNotContain("== rung", again.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Recommended: **{winnerCell}**", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(trials.Count, Directory.GetDirectories(dir.Combine("runs")).Count(d => Path.GetFileName(d).StartsWith("lr-r", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FinalSeeds_TrainEveryFinalistAndTheBaseWithEachSeed_AndTheReportGivesTheirSpread()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var file = dir.Write("experiments/searches/seeds.json", Search("seeds", 4, finalSeeds: 2));

        var result = await ClipHostProcess.RunAsync(["recipe", "search", file], env);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains(" -> 4 (the base recipe in each)", result.Stdout, StringComparison.Ordinal);
        // The last rung: the base and the promoted point, each as seed 0 (plain name) and seed 1 (-seed-1, its own seed).
        var final = Directory.GetDirectories(dir.Combine("runs")).Select(d => Path.GetFileName(d)!).Where(n => n.StartsWith("seeds-r1-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, final.Count);
        Assert.Contains("seeds-r1-learningRate-0.003", final);
        Assert.Contains("seeds-r1-learningRate-0.003-seed-1", final);
        int Seed(string run) => JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", run, "config.json"))).RootElement.GetProperty("training").GetProperty("seed").GetInt32();
        Assert.All(final, run => Assert.Equal(run.EndsWith("-seed-1", StringComparison.Ordinal) ? 1 : 0, Seed(run)));
        Assert.All(Directory.GetDirectories(dir.Combine("runs")).Select(d => Path.GetFileName(d)!).Where(n => n.StartsWith("seeds-r0-", StringComparison.Ordinal)), run => Assert.DoesNotContain("-seed-", run, StringComparison.Ordinal));
        var report = File.ReadAllText(dir.Combine("runs", ".searches", "seeds", "report.md"));
        Assert.Contains("(n=2)", report, StringComparison.Ordinal);
        Assert.Contains("| 1 | learningRate-0.003 (seed +1) | 4 |", report, StringComparison.Ordinal);
        var status = await ClipHostProcess.RunAsync(["recipe", "status", "seeds"], env);
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains("learningRate-0.003 (seed +1)", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadPoint_RefusesTheSearch_BeforeAnyTrialTrains()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var file = dir.Write("experiments/searches/bad.json", Search("bad", 4).Replace("[0.00001, 0.01, 0.003, 0.0001]", "[0.01, -1]", StringComparison.Ordinal));

        var result = await ClipHostProcess.RunAsync(["recipe", "search", file], env);

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Contains("learningRate-v2: training.learningRate", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("runs")) && Directory.EnumerateDirectories(dir.Combine("runs")).Any(d => Path.GetFileName(d).StartsWith("bad-", StringComparison.Ordinal)), result.All);

        // The incumbent trains too: a base recipe outside the space that no run could be is refused as its own point.
        var badBase = dir.Write("experiments/searches/bad-base.json", Search("badbase", 4, ColoursData.Tiny("base", evaluate: true).Replace("\"learningRate\": 0.003", "\"learningRate\": -1", StringComparison.Ordinal)));
        var refused = await ClipHostProcess.RunAsync(["recipe", "search", badBase], env);
        Assert.True(refused.ExitCode == 2, refused.All);
        Assert.Contains("base: training.learningRate", refused.Stderr, StringComparison.Ordinal);
    }
}
