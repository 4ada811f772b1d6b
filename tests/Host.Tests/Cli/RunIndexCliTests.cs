using System.Text.Json;

namespace ClipHost.Host.Tests.Cli;

/// <summary>The CLI writes the run index the service reads: run.json under the run's name, taken up again by the same config.</summary>
public sealed class RunIndexCliTests
{
    [Fact]
    public async Task Train_WritesTheRunRecord_TheSameConfigTakesItUp_AnotherConfigIsRefusedUnlessFresh()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var config = dir.Write("r.json", ColoursData.Tiny("indexed", epochs: 1, evaluate: false));
        var first = await ClipHostProcess.RunAsync(["train", "--config", config, "--stop-after-steps", "2"], env);
        Assert.True(first.ExitCode == 0, first.All);
        var record = Record(dir);
        Assert.Equal("indexed", record.GetProperty("id").GetString());
        Assert.Equal("cli", record.GetProperty("source").GetString());
        Assert.Equal("stopped", record.GetProperty("status").GetString());
        var listed = await ClipHostProcess.RunAsync(["runs", "list"], env);
        Assert.True(listed.ExitCode == 0, listed.All);
        Assert.Matches(@"indexed\s+stopped\s+2/4\s+cli", listed.Stdout);
        var asJson = await ClipHostProcess.RunAsync(["runs", "list", "--json"], env);
        Assert.Equal("indexed", Assert.Single(JsonDocument.Parse(asJson.Stdout).RootElement.EnumerateArray()).GetProperty("id").GetString());

        var resumed = await ClipHostProcess.RunAsync(["train", "--config", config], env);
        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Equal("succeeded", Record(dir).GetProperty("status").GetString());
        Assert.Equal(2, Record(dir).GetProperty("attempts").GetInt32());
        Assert.Equal(2, Record(dir).GetProperty("resumedFromStep").GetInt64());

        var again = await ClipHostProcess.RunAsync(["train", "--config", config], env);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("already trained", again.Stdout, StringComparison.Ordinal);

        var other = dir.Write("r2.json", ColoursData.Tiny("indexed", epochs: 2, evaluate: false));
        var refused = await ClipHostProcess.RunAsync(["train", "--config", other], env);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("config error: name: run 'indexed' exists", refused.Stderr, StringComparison.Ordinal);
        var fresh = await ClipHostProcess.RunAsync(["train", "--config", other, "--fresh"], env);
        Assert.True(fresh.ExitCode == 0, fresh.All);
        Assert.Equal(1, Record(dir).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task ARunFolderWithoutARecord_IsListedFromItsFiles_AndTakenUpBySubmittingItsConfig()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var config = dir.Write("old.json", ColoursData.Tiny("old", epochs: 1));
        var trained = await ClipHostProcess.RunAsync(["train", "--config", config, "--stop-after-steps", "2"], env);
        Assert.True(trained.ExitCode == 0, trained.All);
        // As an earlier version left it: checkpoints, config.json, metrics, but no run.json.
        File.Delete(dir.Combine("runs", "old", "run.json"));

        var eval = await ClipHostProcess.RunAsync(["eval", "--run", "old"], env);
        Assert.True(eval.ExitCode == 0, eval.All);
        Assert.True(Directory.Exists(dir.Combine("runs", "old", "evaluations", "step-2")));
        Assert.False(File.Exists(dir.Combine("runs", "old", "run.json")), "an evaluation elsewhere leaves the run as it was");

        var resumed = await ClipHostProcess.RunAsync(["train", "--config", config], env);
        Assert.True(resumed.ExitCode == 0, resumed.All);
        var record = Record(dir, "old");
        Assert.Equal("succeeded", record.GetProperty("status").GetString());
        Assert.Equal(2, record.GetProperty("resumedFromStep").GetInt64());
        Assert.NotEmpty(record.GetProperty("metrics").EnumerateObject());
    }

    [Fact]
    public async Task ARunFolderWithoutARecord_ButWithAShiftSummaryAndADamagedResult_IsStillListedWithItsMetrics()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("shifted.json", ColoursData.Tiny("shifted", epochs: 1))], env);
        Assert.True(trained.ExitCode == 0, trained.All);
        File.Delete(dir.Combine("runs", "shifted", "run.json"));
        // What a config with `shifts` writes beside its results, and a result cut short by a full disk.
        dir.Write("runs/shifted/eval/styles_distribution_shift.json", """{ "name": "styles", "task": "distribution_shift", "inDistribution": { "name": "colours", "acc1": 0.5 }, "variants": [] }""");
        dir.Write("runs/shifted/eval/broken_zeroshot_classification.json", "{ \"dataset\": ");

        var list = await ClipHostProcess.RunAsync(["runs", "list", "--json"], env);

        Assert.True(list.ExitCode == 0, list.All);
        var run = Assert.Single(JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Contains(run.GetProperty("metrics").EnumerateObject(), m => m.Name == "colours/zeroshot_classification/acc1");
    }

    private static JsonElement Record(TempDir dir, string name = "indexed") =>
        JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", name, "run.json"))).RootElement.Clone();
}
