using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>Run folders written as a run writes them (config.json, metrics.jsonl, eval/*.json) with known numbers.</summary>
public static class RunFolders
{
    /// <summary>A config as a run's config.json holds it: the name, a seed and a learning rate that tells configs apart.</summary>
    public static string Config(string name, long seed, double learningRate = 0.003) => string.Create(CultureInfo.InvariantCulture, $$"""
        { "name": "{{name}}", "data": { "store": "colours" }, "model": { "embedDim": 16 },
          "training": { "batchSize": 16, "learningRate": {{learningRate}}, "seed": {{seed}}, "budget": { "epochs": 2 } } }
        """);

    /// <summary>Writes runs/&lt;name&gt;/ with its config, a zero-shot top-1 and a two-line loss curve.</summary>
    public static string Write(string runsRoot, string name, long seed, double acc1, double learningRate = 0.003)
    {
        var dir = Path.Combine(runsRoot, name);
        Directory.CreateDirectory(Path.Combine(dir, "eval"));
        File.WriteAllText(Path.Combine(dir, "config.json"), Config(name, seed, learningRate));
        var result = new JsonObject
        {
            ["dataset"] = "colours", ["model"] = name, ["pretrained"] = "p", ["task"] = "zeroshot_classification",
            ["metrics"] = new JsonObject { ["acc1"] = acc1 }, ["chance"] = new JsonObject { ["acc1"] = 0.125 },
            ["samples"] = 64, ["classes"] = 8, ["selection"] = "all",
        };
        File.WriteAllText(Path.Combine(dir, "eval", "colours_zeroshot_classification.json"), result.ToJsonString());
        File.WriteAllLines(Path.Combine(dir, "metrics.jsonl"), [Line(1, 16, 2.0), Line(2, 32, 1.5)]);
        return dir;
    }

    public static string Line(long step, long samples, double loss) => JsonSerializer.Serialize(new
    {
        step, samplesSeen = samples, loss, components = new Dictionary<string, double>(), lr = 0.001 * step, logitScale = 14.3 + step,
        pairsPerSecond = 100.0, wallSeconds = 0.1 * step, chanceLoss = 2.77,
    });
}
