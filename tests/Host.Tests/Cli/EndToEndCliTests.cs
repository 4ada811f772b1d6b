using System.Text.Json;
using SkiaSharp;

namespace ClipHost.Host.Tests.Cli;

/// <summary>Import, train and evaluate through the built clip-host, its plugins loaded by the plugin catalog.</summary>
public sealed class EndToEndCliTests
{
    private static readonly (string Name, SKColor Colour)[] Colours =
    [
        ("red", SKColors.Red), ("green", SKColors.Green), ("blue", SKColors.Blue), ("yellow", SKColors.Yellow),
        ("black", SKColors.Black), ("white", SKColors.White), ("purple", SKColors.Purple), ("orange", SKColors.Orange),
    ];

    [Fact]
    public async Task ImportTrainEval_OnAFolder_WritesCheckpointAndClipBenchmarkResults()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 64; i++)
        {
            var (name, colour) = Colours[i % Colours.Length];
            using var bitmap = new SKBitmap(20, 20);
            bitmap.Erase(colour);
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            dir.Write($"in/{name}/{i:D3}.png", png.ToArray());
            dir.Write($"in/{name}/{i:D3}.txt", $"a {name} square");
        }
        var config = dir.Write("tiny.json", """
            {
              "name": "e2e",
              "data": { "store": "colours", "train": { } },
              "model": {
                "embedDim": 16,
                "vision": { "architecture": "vit", "imageSize": 16, "options": { "patchSize": 8, "width": 16, "depth": 1, "heads": 2 } },
                "text": { "contextLength": 8, "vocabSize": 64, "width": 16, "layers": 1, "heads": 2, "mlpWidth": 32 }
              },
              "strategy": { "id": "clip" },
              "training": { "batchSize": 16, "learningRate": 0.003, "budget": { "epochs": 2 }, "checkpointEvery": 3 },
              "evaluations": [
                { "name": "colours", "task": "zeroshot_classification", "store": "colours", "labels": "folder", "templates": ["a {c} square"] },
                { "name": "colours", "task": "zeroshot_retrieval", "store": "colours" }
              ]
            }
            """);
        var env = new Dictionary<string, string> { ["CLIPHOST_Data__Root"] = dir.Combine("data"), ["CLIPHOST_Runs__Root"] = dir.Combine("runs") };

        var import = await ClipHostProcess.RunAsync(["data", "import", "folder", dir.Combine("in"), "--name", "colours"], env);
        Assert.Equal(0, import.ExitCode);
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
