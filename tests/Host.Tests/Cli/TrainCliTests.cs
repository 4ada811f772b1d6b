namespace ClipHost.Host.Tests.Cli;

/// <summary>`clip-host train` refuses bad configs before any work, naming the field.</summary>
public sealed class TrainCliTests
{
    private const string Valid = """
        {
          "name": "cli-bad",
          "data": { "store": "emoji" },
          "model": { "vision": { "architecture": "vit", "imageSize": 16, "options": { "patchSize": 4, "width": 32, "depth": 1, "heads": 2 } } },
          "strategy": { "id": "clip" },
          "training": { "batchSize": 8, "budget": { "samples": 16 } }
        }
        """;

    [Theory]
    [InlineData("\"architecture\": \"vit\"", "\"architecture\": \"resnet-9000\"", "model.vision.architecture")]
    [InlineData("\"samples\": 16", "\"samples\": -16", "training.budget.samples")]
    [InlineData("\"store\": \"emoji\"", "\"store\": \"missing\"", "data.store")]
    [InlineData("\"batchSize\": 8", "\"batchSize\": 8, \"learningRat\": 1", "learningRat")]
    public async Task Train_BadConfig_ExitsNonZeroBeforeTraining_NamingTheField(string from, string to, string field)
    {
        using var dir = new TempDir();
        var config = dir.Write("bad.json", Valid.Replace(from, to, StringComparison.Ordinal));
        var env = new Dictionary<string, string> { ["CLIPHOST_Data__Root"] = dir.Combine("data"), ["CLIPHOST_Runs__Root"] = dir.Combine("runs") };

        var result = await ClipHostProcess.RunAsync(["train", "--config", config], env);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(field, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("runs", "cli-bad", "checkpoints")));
    }

    [Fact]
    public async Task Train_MissingConfigFile_IsRefused()
    {
        var result = await ClipHostProcess.RunAsync(["train", "--config", "/nonexistent/x.json"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTrainEvalBench()
    {
        var result = await ClipHostProcess.RunAsync(["--help"]);
        foreach (var verb in new[] { "train", "eval", "bench", "data", "info" })
        {
            Assert.Contains(verb, result.Stdout, StringComparison.Ordinal);
        }
    }
}
