using ClipHost.Host.Tests.Service;
using SkiaSharp;

namespace ClipHost.Host.Tests;

/// <summary>A small real store (coloured squares captioned by colour, imported by clip-host itself) and tiny experiments over it.</summary>
public static class ColoursData
{
    private static readonly (string Name, SKColor Colour)[] Colours =
    [
        ("red", SKColors.Red), ("green", SKColors.Green), ("blue", SKColors.Blue), ("yellow", SKColors.Yellow),
        ("black", SKColors.Black), ("white", SKColors.White), ("purple", SKColors.Purple), ("orange", SKColors.Orange),
    ];

    /// <summary>The usual start of a service test: the built-in plugins and the colours store in the test's folders.</summary>
    public static async Task<Dictionary<string, string>> PrepareAsync(TempDir dir)
    {
        var env = RunningHost.Environment(dir);
        RunningHost.InstallBuiltInPlugins(dir);
        await ImportColoursAsync(dir, env);
        return env;
    }

    /// <summary>Imports 64 coloured squares as the store "colours" under the test's data root.</summary>
    public static async Task ImportColoursAsync(TempDir dir, IReadOnlyDictionary<string, string> env)
    {
        for (var i = 0; i < 64; i++)
        {
            var (name, colour) = Colours[i % Colours.Length];
            using var bitmap = new SKBitmap(20, 20);
            bitmap.Erase(colour);
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            dir.Write($"in/{name}/{i:D3}.png", png.ToArray());
            dir.Write($"in/{name}/{i:D3}.txt", $"a {name} square");
        }
        var import = await ClipHostProcess.RunAsync(["data", "import", "folder", dir.Combine("in"), "--name", "colours"], env);
        Assert.True(import.ExitCode == 0, import.All);
    }

    /// <summary>A tiny ViT over "colours", the image tower of <see cref="Tiny"/> unless it is given one.</summary>
    public const string TinyVision = """{ "architecture": "vit", "imageSize": 16, "options": { "patchSize": 8, "width": 16, "depth": 1, "heads": 2 } }""";

    /// <summary>A tiny experiment over "colours": epochs x 4 steps, a checkpoint every few steps, zero-shot and retrieval.</summary>
    public static string Tiny(string name, int epochs = 2, string strategy = """{ "id": "clip" }""", int checkpointEvery = 3, bool evaluate = true, string vision = TinyVision) => $$"""
        {
          "name": "{{name}}",
          "data": { "store": "colours", "train": { } },
          "model": {
            "embedDim": 16,
            "vision": {{vision}},
            "text": { "contextLength": 8, "vocabSize": 64, "width": 16, "layers": 1, "heads": 2, "mlpWidth": 32 }
          },
          "strategy": {{strategy}},
          "training": { "batchSize": 16, "learningRate": 0.003, "budget": { "epochs": {{epochs}} }, "checkpointEvery": {{checkpointEvery}} },
          "evaluations": {{(evaluate ? """
            [
              { "name": "colours", "task": "zeroshot_classification", "store": "colours", "labels": "folder", "templates": ["a {c} square"] },
              { "name": "colours", "task": "zeroshot_retrieval", "store": "colours" }
            ]
            """ : "[]")}}
        }
        """;
}
