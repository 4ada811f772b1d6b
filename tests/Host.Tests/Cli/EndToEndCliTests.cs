using System.Text.Json;

namespace ClipHost.Host.Tests.Cli;

/// <summary>Import, train and evaluate through the built clip-host, its plugins loaded by the plugin catalog.</summary>
public sealed class EndToEndCliTests
{
    [Fact]
    public async Task ImportTrainEval_OnAFolder_WritesCheckpointAndClipBenchmarkResults()
    {
        using var dir = new TempDir();
        var config = dir.Write("tiny.json", ColoursData.Tiny("e2e"));
        var env = new Dictionary<string, string> { ["CLIPHOST_Data__Root"] = dir.Combine("data"), ["CLIPHOST_Runs__Root"] = dir.Combine("runs") };
        await ColoursData.ImportColoursAsync(dir, env);
        var train = await ClipHostProcess.RunAsync(["train", "--config", config], env);
        Assert.True(train.ExitCode == 0, train.All);
        Assert.Contains("trained 128 pairs", train.Stdout, StringComparison.Ordinal);
        Assert.Contains("colours zeroshot_classification", train.Stdout, StringComparison.Ordinal);

        var run = dir.Combine("runs", "e2e");
        var latest = File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim();
        Assert.Equal("step-00000008", latest);
        foreach (var file in new[] { "model.safetensors", "open_clip_config.json", "tokenizer.json", "state.json", "optimizer.bin" })
        {
            Assert.True(File.Exists(Path.Combine(run, "checkpoints", latest, file)), file);
        }
        var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "eval", "colours_zeroshot_classification.json"))).RootElement;
        Assert.Equal("e2e", result.GetProperty("model").GetString());
        Assert.Equal(8, result.GetProperty("classes").GetInt32());

        var eval = await ClipHostProcess.RunAsync(["eval", "--run", "e2e"], env);
        Assert.True(eval.ExitCode == 0, eval.All);
        Assert.Contains("text_retrieval_recall@1", eval.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_ListsTheBuiltInPlugins()
    {
        var result = await ClipHostProcess.RunAsync(["info"], new Dictionary<string, string> { ["CLIPHOST_Torch__Device"] = "cpu" });
        Assert.Contains("Architecture:vit@", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Strategy:clip@", result.Stdout, StringComparison.Ordinal);
    }
}
