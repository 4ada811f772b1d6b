using System.Text.Json;
using ClipHost.Host.Tests.Service;
using SkiaSharp;

namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// What every SIGKILL trial starts from, made once per test class by clip-host itself: the built-in plugins, a folder
/// of noise images with captions, the stores "noise" and "colours", the subset "fsub", the trained run "ftrain" and
/// its evaluation, each timed uninterrupted and fingerprinted.
/// </summary>
public sealed class FaultWorkspace : IAsyncLifetime
{
    public const int NoiseImages = 3000;
    public const string Filters = """[{"id": "dedup-phash"}, {"id": "caption-length", "options": {"minWords": 2}}]""";

    public TempDir Dir { get; } = new();

    public string NoiseFolder => Dir.Combine("in-noise");

    public string TrainConfig => Dir.Combine("ftrain.json");

    /// <summary>How long clip-host takes to start and do nothing (`data list` of an empty root): kills before it find nothing to break.</summary>
    public long StartupMs { get; private set; }

    public Dictionary<string, (long Ms, string Fingerprint)> Clean { get; } = new(StringComparer.Ordinal);

    /// <summary>A trial folder's environment: its own data and runs roots, the workspace's plugins.</summary>
    public Dictionary<string, string> Environment(TempDir dir)
    {
        var env = RunningHost.Environment(dir);
        env["CLIPHOST_Plugins__Directory"] = Dir.Combine("plugins");
        return env;
    }

    public async ValueTask InitializeAsync()
    {
        RunningHost.InstallBuiltInPlugins(Dir);
        var env = Environment(Dir);
        WriteNoise();
        await ColoursData.ImportColoursAsync(Dir, env);
        using (var empty = new TempDir())
        {
            StartupMs = await KillHarness.RunCleanAsync(["data", "list"], Environment(empty));
        }
        // Retrieval over the noise store as well: an evaluation long enough to be killed in its middle.
        File.WriteAllText(TrainConfig, ColoursData.Tiny("ftrain", epochs: 10, checkpointEvery: 4)
            .Replace("[\n  { \"name\": \"colours\", \"task\": \"zeroshot_classification\"", "[\n  { \"name\": \"noise\", \"task\": \"zeroshot_retrieval\", \"store\": \"noise\" },\n  { \"name\": \"colours\", \"task\": \"zeroshot_classification\"", StringComparison.Ordinal));
        Assert.Contains("\"noise\"", File.ReadAllText(TrainConfig), StringComparison.Ordinal);

        foreach (var verb in Verbs())
        {
            var ms = await KillHarness.RunCleanAsync(verb.Args(Dir), env);
            Clean[verb.Name] = (ms, verb.Fingerprint(Dir));
        }
    }

    /// <summary>The four verbs, in the order each needs the one before (filter the imported store, evaluate the trained run).</summary>
    public IEnumerable<FaultVerb> Verbs()
    {
        yield return new FaultVerb(
            "data import",
            _ => ["data", "import", "folder", NoiseFolder, "--name", "noise", "--resolution", "32"],
            _ => { },
            d => Artifacts.HalfWrittenStores(d.Combine("data", "stores")),
            d => Manifest(d.Combine("data", "stores", "noise")));
        yield return new FaultVerb(
            "data filter",
            _ => ["data", "filter", "noise", "--subset", "fsub", "--filters", Filters, "--seed", "7"],
            d => Artifacts.CopyFolder(Dir.Combine("data", "stores", "noise"), d.Combine("data", "stores", "noise")),
            d => Artifacts.HalfWrittenSubset(d.Combine("data", "subsets", "fsub")),
            d => Subset(d.Combine("data", "subsets", "fsub")));
        yield return new FaultVerb(
            "train",
            _ => ["train", "--config", TrainConfig, "--no-eval"],
            d => CopyStores(d),
            d => Artifacts.HalfWrittenCheckpoints(d.Combine("runs", "ftrain")),
            d => Artifacts.TrainedFingerprint(d.Combine("runs", "ftrain")));
        yield return new FaultVerb(
            "eval",
            _ => ["eval", "--run", "ftrain", "--into-run"],
            d =>
            {
                CopyStores(d);
                Artifacts.CopyFolder(Dir.Combine("runs", "ftrain"), d.Combine("runs", "ftrain"));
                if (Directory.Exists(d.Combine("runs", "ftrain", "eval")))
                {
                    Directory.Delete(d.Combine("runs", "ftrain", "eval"), recursive: true);
                }
            },
            d => Artifacts.HalfWrittenResults(d.Combine("runs", "ftrain", "eval")),
            d => Artifacts.ResultsFingerprint(d.Combine("runs", "ftrain", "eval")));
    }

    private void CopyStores(TempDir d)
    {
        Artifacts.CopyFolder(Dir.Combine("data", "stores", "colours"), d.Combine("data", "stores", "colours"));
        Artifacts.CopyFolder(Dir.Combine("data", "stores", "noise"), d.Combine("data", "stores", "noise"));
    }

    private static string Manifest(string store)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(store, "manifest.json")));
        return $"{json.RootElement.GetProperty("count").GetInt32()} {json.RootElement.GetProperty("contentHash").GetString()}";
    }

    private static string Subset(string subset)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(subset, "subset.json")));
        return json.RootElement.GetProperty("ids").GetRawText();
    }

    /// <summary>Seeded noise images, each captioned: slow enough to import and filter that a kill lands mid-way.</summary>
    private void WriteNoise()
    {
        var random = new Random(14);
        var pixels = new byte[24 * 24 * 4];
        for (var i = 0; i < NoiseImages; i++)
        {
            random.NextBytes(pixels);
            using var bitmap = new SKBitmap(new SKImageInfo(24, 24, SKColorType.Rgba8888, SKAlphaType.Opaque));
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            Dir.Write($"in-noise/n{i:D4}.png", png.ToArray());
            Dir.Write($"in-noise/n{i:D4}.txt", $"noise image number {i}");
        }
    }

    public ValueTask DisposeAsync()
    {
        Dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
