using System.Text.Json;

namespace ClipHost.Host.Tests.Studies;

/// <summary>
/// `clip-host study run|status`: a bad axis refuses the study before any cell runs, naming the axis and the cell; a
/// good study trains each cell once; a changed cell is refused unless asked, then only it trains again.
/// </summary>
public sealed class StudyCliTests
{
    public static string Study(string name, string axes, int epochs = 1, bool evaluate = false) =>
        $$"""{ "name": "{{name}}", "base": {{ColoursData.Tiny("base", epochs: epochs, evaluate: evaluate)}}, "axes": {{axes}} }""";

    [Theory]
    [InlineData("""[ { "path": "training.bogus", "values": [1] } ]""", "bogus-1: training.bogus")]
    [InlineData("""[ { "path": "training.seed", "values": [0, 1] }, { "path": "training.batchSize", "values": [16, 0] } ]""", "seed-0-batchSize-0: training.batchSize (set by axes[1] (batchSize))")]
    [InlineData("""[ { "path": "training.seed", "values": [] } ]""", "axes[0] (seed).values")]
    public async Task ABadAxis_RefusesTheStudyBeforeAnyCellRuns_NamingTheAxisAndTheCell(string axes, string field)
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var file = dir.Write("experiments/studies/bad.json", Study("bad", axes));

        var result = await ClipHostProcess.RunAsync(["study", "run", file], env);

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Contains($"config error: {field}", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("runs")) && Directory.EnumerateFileSystemEntries(dir.Combine("runs")).Any(), "a refused study left runs behind");
    }

    [Fact]
    public async Task AStudy_TrainsEachCellOnce_AndAChangedCellIsRefusedUnlessFresh()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var file = dir.Write("experiments/studies/seeds.json", Study("seeds", """[ { "path": "training.seed", "values": [0, 1] } ]"""));

        var first = await ClipHostProcess.RunAsync(["study", "run", file], env);
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("2 succeeded; finished", first.Stdout, StringComparison.Ordinal);
        var again = await ClipHostProcess.RunAsync(["study", "run", file], env);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(2, CountOf("already trained and evaluated", again.Stdout));

        var status = await ClipHostProcess.RunAsync(["study", "status", "seeds", "--json"], env);
        Assert.True(status.ExitCode == 0, status.All);
        var study = JsonDocument.Parse(status.Stdout).RootElement;
        Assert.Equal(["seeds-seed-0", "seeds-seed-1"], study.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("runId").GetString()));
        Assert.All(study.GetProperty("cells").EnumerateArray(), c => Assert.Equal("study:seeds", RunSource(dir, c.GetProperty("runId").GetString()!)));
        // The base leaves training.precision at auto: the study chose once, and every cell trained in that precision.
        var chosen = JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", ".studies", "seeds.json"))).RootElement.GetProperty("precision").GetProperty("chosen").GetString();
        Assert.Contains(chosen, new[] { "fp32", "bf16-mixed" });
        Assert.All(study.GetProperty("cells").EnumerateArray(), c => Assert.Equal(chosen, TrainedPrecision(dir, c.GetProperty("runId").GetString()!)));

        // One more seed and a longer budget: both old cells changed; refused as a whole, nothing trained.
        dir.Write("experiments/studies/seeds.json", Study("seeds", """[ { "path": "training.seed", "values": [0, 1, 2] } ]""", epochs: 2));
        var changed = await ClipHostProcess.RunAsync(["study", "run", file], env);
        Assert.True(changed.ExitCode == 2, changed.All);
        Assert.Contains("config error: seed-0: experiment", changed.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("runs", "seeds-seed-2")));

        var fresh = await ClipHostProcess.RunAsync(["study", "run", file, "--fresh"], env);
        Assert.True(fresh.ExitCode == 0, fresh.All);
        Assert.Contains("3 succeeded; finished", fresh.Stdout, StringComparison.Ordinal);
        Assert.Equal(8, JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", "seeds-seed-0", "run.json"))).RootElement.GetProperty("progress").GetProperty("totalSteps").GetInt64());
    }

    [Fact]
    public async Task StatusOfAStudyNeverStarted_ExitsTwoNamingIt()
    {
        using var dir = new TempDir();
        var env = RunningHostEnvironment(dir);
        var result = await ClipHostProcess.RunAsync(["study", "status", "nothing"], env);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no study 'nothing'", result.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> RunningHostEnvironment(TempDir dir) => new() { ["CLIPHOST_Data__Root"] = dir.Combine("data"), ["CLIPHOST_Runs__Root"] = dir.Combine("runs") };

    private static string RunSource(TempDir dir, string runId) => JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", runId, "run.json"))).RootElement.GetProperty("source").GetString()!;

    private static string? TrainedPrecision(TempDir dir, string runId) =>
        JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", runId, "config.json"))).RootElement.GetProperty("training").GetProperty("precision").GetString();

    private static int CountOf(string text, string output) => (output.Length - output.Replace(text, string.Empty, StringComparison.Ordinal).Length) / text.Length;
}
