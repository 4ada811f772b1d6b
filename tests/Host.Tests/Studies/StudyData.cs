namespace ClipHost.Host.Tests.Studies;

/// <summary>
/// Studies over the colours store: the acceptance grid (3 image towers' mini presets x 2 GFLOP budgets x 3 seeds) and
/// a tiny one for faults. Batches of 2 keep the compute small (CI trains all 18 on 2 cores) while the budgets leave the
/// most expensive tower (ResNet mini, ~0.78 training GFLOPs per step of 2 at 32 px) about 26 and 52 steps, so the whole
/// last step, the only gap between budget and spend, stays under 2%.
/// </summary>
public static class StudyData
{
    public static readonly double[] Budgets = [20, 40];

    public const string TowersAxis = """
        { "name": "tower", "values": [
          { "label": "vit", "set": { "model.vision.architecture": "vit", "model.vision.options": { "preset": "mini" } } },
          { "label": "resnet", "set": { "model.vision.architecture": "resnet", "model.vision.options": { "preset": "mini" } } },
          { "label": "convnext", "set": { "model.vision.architecture": "convnext", "model.vision.options": { "preset": "mini" } } } ] }
        """;

    public static string Towers(string name) => $$"""
        {
          "name": "{{name}}",
          "base": {{ColoursData.Tiny("base", vision: """{ "architecture": "vit", "imageSize": 32, "options": { "preset": "mini" } }""").Replace("\"batchSize\": 16", "\"batchSize\": 2", StringComparison.Ordinal).Replace("\"checkpointEvery\": 3", "\"checkpointEvery\": 10", StringComparison.Ordinal)}},
          "axes": [
            {{TowersAxis}},
            { "path": "training.budget", "values": [ { "gflops": {{Budgets[0]}} }, { "gflops": {{Budgets[1]}} } ] },
            { "path": "training.seed", "values": [0, 1, 2] }
          ]
        }
        """;
}
