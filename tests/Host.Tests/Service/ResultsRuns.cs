using System.Globalization;
using System.Text.Json.Nodes;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// Runs for the results pages from one real tiny training: its folder copied as three seeds of one config (top-1 set
/// to 10, 20 and 30%) and one run of another learning rate (50%), so the expected group statistics are known; a
/// secret beside the runs root and links out of it for the hostile-path tests.
/// </summary>
public sealed class ResultsRuns : IAsyncLifetime
{
    public const string Secret = "top-secret-outside-the-runs-root";
    public static readonly (string Name, long Seed, double Acc1, double LearningRate)[] Runs =
        [("a-seed-0", 0, 0.10, 0.003), ("a-seed-1", 1, 0.20, 0.003), ("a-seed-2", 2, 0.30, 0.003), ("b-seed-0", 0, 0.50, 0.01)];

    public TempDir Dir { get; } = new();

    public Dictionary<string, string> Env { get; private set; } = [];

    public RunningHost Host { get; private set; } = null!;

    public string RunsRoot => Dir.Combine("runs");

    public async ValueTask InitializeAsync()
    {
        Env = await ColoursData.PrepareAsync(Dir);
        var config = ColoursData.Tiny("base", checkpointEvery: 2).Replace("\"checkpointEvery\": 2", "\"checkpointEvery\": 2, \"evalEvery\": { \"steps\": 2 }", StringComparison.Ordinal);
        var train = await ClipHostProcess.RunAsync(["train", "--config", Dir.Write("base.json", config)], Env);
        Assert.True(train.ExitCode == 0, train.All);
        foreach (var (name, seed, acc1, lr) in Runs)
        {
            Derive(name, seed, acc1, lr);
        }
        // The trained run is seed 0 of a's config: it would join a's group, so only its copies stay.
        Directory.Delete(Path.Combine(RunsRoot, "base"), recursive: true);
        File.WriteAllText(Dir.Combine("secret.txt"), Secret);
        File.CreateSymbolicLink(Path.Combine(RunsRoot, "a-seed-0", "leak.json"), Dir.Combine("secret.txt"));
        Directory.CreateDirectory(Dir.Combine("outside"));
        File.WriteAllText(Dir.Combine("outside", "config.json"), Secret);
        Directory.CreateSymbolicLink(Path.Combine(RunsRoot, "evil"), Dir.Combine("outside"));
        Host = await RunningHost.StartAsync(Env);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        Dir.Dispose();
    }

    private void Derive(string name, long seed, double acc1, double lr)
    {
        var dir = Path.Combine(RunsRoot, name);
        CopyFolder(Path.Combine(RunsRoot, "base"), dir);
        File.Delete(Path.Combine(dir, "run.json"));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "config.json")))!;
        config["name"] = name;
        config["training"]!["seed"] = seed;
        config["training"]!["learningRate"] = lr;
        File.WriteAllText(Path.Combine(dir, "config.json"), config.ToJsonString());
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "eval"), "*.json"))
        {
            var result = JsonNode.Parse(File.ReadAllText(file))!;
            if (result["task"]?.GetValue<string>() == "zeroshot_classification")
            {
                result["metrics"]!["acc1"] = acc1;
                File.WriteAllText(file, result.ToJsonString());
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static string Percent(double v) => (v * 100).ToString("F1", CultureInfo.InvariantCulture);
}
