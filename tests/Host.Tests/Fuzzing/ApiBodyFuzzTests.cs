using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ClipHost.Engine.Tests.Fuzzing;
using ClipHost.Host.Tests.Service;
using CsCheck;

namespace ClipHost.Host.Tests.Fuzzing;

/// <summary>
/// Mutated JSON bodies to POST /api/runs, /api/imports, /api/filters, /api/recipes/search and /api/runs/{id}/embed (of a run
/// trained for the test) of one real `clip-host serve` on loopback:
/// never a 5xx, every 4xx a JSON body whose error (or each field error) says what is wrong, nothing written outside
/// the host's folders. Cases that once failed (Fuzzing/Corpus/api/*.bin, the endpoint in the .txt) are sent first.
/// </summary>
public sealed class ApiBodyFuzzTests
{
    private static readonly string[] Endpoints = ["/api/runs", "/api/imports", "/api/filters", "/api/recipes/search"];

    [Fact]
    public async Task Bodies_MutatedForEveryStateChangingEndpoint_NeverGive5xxAndNameEveryRefusal()
    {
        var settings = FuzzSettings.For(1000);
        using var dir = new TempDir();
        dir.Write("in/a.png", Images.Png(16, 1));
        dir.Write("in/a.txt", "a caption");
        dir.Write("in/m.csv", "image,caption\na.png,a caption\n");
        RunningHost.InstallBuiltInPlugins(dir);
        var env = RunningHost.Environment(dir);
        await ColoursData.ImportColoursAsync(dir, env);
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("tiny.json", ColoursData.Tiny("tiny", epochs: 1, evaluate: false))], env);
        Assert.True(trained.ExitCode == 0, trained.All);
        await using var host = await RunningHost.StartAsync(env);
        var bases = Bases(dir);
        var figures = new FuzzFigures("api", settings.Seed);
        var clock = Stopwatch.StartNew();

        foreach (var (endpoint, body, found) in Corpus())
        {
            var outcome = await PostAsync(host, endpoint, body);
            Assert.False(outcome.IsFinding, $"corpus case ({found}) still fails: {outcome.Detail}");
        }
        var cases = Gen.Int[0, bases.Count - 1].SelectMany(i => Mutation.Of(bases[i].Body, 4).Select(m => (bases[i].Endpoint, m.Bytes, m.Applied)));
        for (var i = 0; i < settings.Cases; i++)
        {
            var pcg = new PCG((uint)i, settings.Seed);
            var seed = pcg.ToString();
            var (endpoint, body, applied) = cases.Generate(pcg, null, out _);
            var outcome = await PostAsync(host, endpoint, body);
            figures.Add(outcome, seed, outcome.IsFinding ? Save(endpoint, body, seed, applied, outcome) : null);
        }
        figures.Elapsed = clock.Elapsed;
        figures.Publish();

        // The host's own folders and the inputs are all there is beside each other: nothing written elsewhere.
        var entries = Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(entries.All(e => e is "data" or "runs" or "plugins" or "in" or "tiny.json"), $"written beside the host's folders: {string.Join(", ", entries)}");
        Assert.Equal(["a.png", "a.txt", "m.csv"], Directory.EnumerateFileSystemEntries(dir.Combine("in")).Select(Path.GetFileName).Where(n => n is not ("red" or "green" or "blue" or "yellow" or "black" or "white" or "purple" or "orange")).Order(StringComparer.Ordinal));
        Assert.True(figures.FindingCount == 0, figures.Line + "\n" + string.Join("\n", figures.Findings) + "\n" + host.Output);
    }

    private static List<(string Endpoint, byte[] Body)> Bases(TempDir dir)
    {
        var quickstart = File.ReadAllBytes(Path.Combine(RunningHost.RepoRoot, "experiments", "quickstart.json"));
        string Json(object value) => JsonSerializer.Serialize(value);
        return
        [
            ("/api/runs", quickstart),
            ("/api/imports", Encoding.UTF8.GetBytes(Json(new { source = "csv", path = dir.Combine("in", "m.csv"), name = "fuzzed", limit = 5, replace = true }))),
            ("/api/imports", Encoding.UTF8.GetBytes(Json(new { source = "folder", path = dir.Combine("in"), limit = 5 }))),
            ("/api/filters", Encoding.UTF8.GetBytes(Json(new { store = "fuzzed", subset = "half", filters = new object[] { new { id = "random-subset", options = new { fraction = 0.5 } } }, seed = 1 }))),
            ("/api/runs/tiny/embed", Encoding.UTF8.GetBytes(Json(new { texts = new[] { "a red square", "a blue square" } }))),
            ("/api/runs/tiny/embed", Encoding.UTF8.GetBytes(Json(new { images = new[] { Convert.ToBase64String(File.ReadAllBytes(dir.Combine("in", "a.png"))) }, step = 4 }))),
            // A search small enough that an accepted mutation trains one trial of a few steps.
            ("/api/recipes/search", Encoding.UTF8.GetBytes($$"""
                { "name": "fuzzed-search", "base": {{ColoursData.Tiny("base", epochs: 1, evaluate: false).Replace("\"colours\"", "\"fuzzed\"", StringComparison.Ordinal)}},
                  "space": [ { "path": "training.learningRate", "values": [0.001, 0.003] } ], "budget": { "gflops": 0.01 }, "eta": 2, "rungs": 1,
                  "validation": [ { "name": "v", "task": "zeroshot_retrieval", "store": "fuzzed", "samples": { "split": "val" } } ],
                  "objective": ["v/zeroshot_retrieval/text_retrieval_recall@1"] }
                """)),
        ];
    }

    private static async Task<Outcome> PostAsync(RunningHost host, string endpoint, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await host.Client.PostAsync(new Uri(endpoint, UriKind.Relative), content, TestContext.Current.CancellationToken);
        }
        catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return new Outcome(Verdict.Hang, $"POST {endpoint}: no answer within {host.Client.Timeout.TotalSeconds} s");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return new Outcome(Verdict.Crash, $"POST {endpoint}: {status} {text}");
            }
            // 202: queued (runs, imports, filters, searches); 200: answered (embed).
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
            {
                return Outcome.Accepted(endpoint);
            }
            return Refusal(text) is { } message ? Outcome.Rejected($"{status} {message}") : new Outcome(Verdict.Unnamed, $"POST {endpoint}: {status} '{text}'");
        }
    }

    /// <summary>The refusal's words: {"error": ...} or {"errors": [{"field", "message"}]}, each non-empty; null when it names nothing.</summary>
    private static string? Refusal(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.TryGetProperty("error", out var error) && error.GetString() is { Length: > 0 } message)
            {
                return message;
            }
            if (root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
                && errors.EnumerateArray().All(e => e.GetProperty("field").GetString() is { Length: > 0 } && e.GetProperty("message").GetString() is { Length: > 0 }))
            {
                return errors.ToString();
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static string CorpusFolder => Path.Combine(RunningHost.RepoRoot, "tests", "Host.Tests", "Fuzzing", "Corpus", "api");

    private static IEnumerable<(string Endpoint, byte[] Body, string Found)> Corpus() =>
        Directory.Exists(CorpusFolder)
            ? Directory.EnumerateFiles(CorpusFolder, "*.bin").Order(StringComparer.Ordinal).Select(bin =>
            {
                var lines = File.ReadAllLines(Path.ChangeExtension(bin, ".txt"));
                var endpoint = lines.Single(l => l.StartsWith("endpoint: ", StringComparison.Ordinal))["endpoint: ".Length..];
                return (endpoint, File.ReadAllBytes(bin), lines[0]);
            })
            : [];

    private static string Save(string endpoint, byte[] body, string seed, string applied, Outcome outcome)
    {
        var folder = Path.Combine(FuzzSettings.FindingsFolder, "api");
        Directory.CreateDirectory(folder);
        var bin = Path.Combine(folder, $"{outcome.Verdict.ToString().ToLowerInvariant()}-{seed}.bin");
        File.WriteAllBytes(bin, body);
        File.WriteAllText(Path.ChangeExtension(bin, ".txt"), $"found: {outcome.Verdict}: {outcome.Detail.Split('\n')[0]}\nendpoint: {endpoint}\nseed: {seed}\nmutations: {applied}\n");
        return bin;
    }
}
