using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Cli;

/// <summary>
/// One validation at the boundary: the same bad config gets the same field errors from `train`, from `eval --config`
/// and from POST /api/runs, and nothing is trained, evaluated or written.
/// </summary>
public sealed class SameRefusalEverywhereTests
{
    private static readonly (string Name, string From, string To)[] BadConfigs =
    [
        ("unknown architecture", "\"architecture\": \"vit\"", "\"architecture\": \"resnet-9000\""),
        ("negative budget", "\"epochs\": 1", "\"epochs\": -1"),
        ("missing store", "\"store\": \"colours\", \"train\"", "\"store\": \"nope\", \"train\""),
        ("misspelt field", "\"batchSize\": 16", "\"batchSize\": 16, \"learningRat\": 1"),
        ("batch larger than the data", "\"batchSize\": 16", "\"batchSize\": 4096"),
        ("missing label set", "\"labels\": \"folder\"", "\"labels\": \"colour\""),
        ("misspelt split", "\"store\": \"colours\" }", "\"store\": \"colours\", \"samples\": { \"split\": \"tset\" } }"),
        ("name not an identifier", "\"name\": \"same\"", "\"name\": \"../same\""),
        ("missing class-name file", "\"labels\": \"folder\"", "\"labels\": \"folder\", \"classNamesFile\": { \"path\": \"nope.json\" }"),
        ("class-name file outside prompts/", "\"labels\": \"folder\"", "\"labels\": \"folder\", \"classNamesFile\": { \"path\": \"../stores/colours/manifest.json\" }"),
        ("unknown evaluation task", "\"task\": \"zeroshot_retrieval\"", "\"task\": \"linear_probes\""),
        ("few-shot k above the smallest class", "\"task\": \"zeroshot_retrieval\", \"store\": \"colours\" }", "\"task\": \"few_shot\", \"store\": \"colours\", \"labels\": \"folder\", \"probe\": { \"val\": null, \"shots\": [1, 500] } }"),
    ];

    [Fact]
    public async Task TheSameBadConfig_GetsTheSameFieldErrors_FromTrainEvalAndTheApi()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var good = ColoursData.Tiny("same", epochs: 1);
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("same.json", good), "--no-eval"], env);
        Assert.True(trained.ExitCode == 0, trained.All);

        await using var host = await RunningHost.StartAsync(env);
        foreach (var (name, from, to) in BadConfigs)
        {
            Assert.Contains(from, good, StringComparison.Ordinal);
            var bad = good.Replace(from, to, StringComparison.Ordinal);
            var file = dir.Write($"bad-{name.Replace(' ', '-')}.json", bad);

            var train = await ClipHostProcess.RunAsync(["train", "--config", file], env);
            var eval = await ClipHostProcess.RunAsync(["eval", "--run", "same", "--config", file], env);
            var (status, api) = await host.PostJsonAsync("/api/runs", bad);

            Assert.True(train.ExitCode == 2, $"{name}: train exit {train.ExitCode}\n{train.All}");
            Assert.True(eval.ExitCode == 2, $"{name}: eval exit {eval.ExitCode}\n{eval.All}");
            Assert.True(status == System.Net.HttpStatusCode.BadRequest, $"{name}: {(int)status} {api}");
            var fromApi = api.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()}: {e.GetProperty("message").GetString()}").Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(fromApi);
            Assert.Equal(fromApi, Refusals(train.Stderr));
            Assert.Equal(fromApi, Refusals(eval.Stderr));
        }
        Assert.Equal(["same"], Directory.EnumerateDirectories(dir.Combine("runs")).Select(Path.GetFileName));
        Assert.False(Directory.Exists(dir.Combine("runs", "same", "evaluations")));
        Assert.False(Directory.Exists(dir.Combine("runs", "same", "eval")));
    }

    private static List<string> Refusals(string stderr) =>
        [.. stderr.Split('\n').Where(l => l.StartsWith("config error: ", StringComparison.Ordinal)).Select(l => l["config error: ".Length..].TrimEnd('\r')).Order(StringComparer.Ordinal)];
}
