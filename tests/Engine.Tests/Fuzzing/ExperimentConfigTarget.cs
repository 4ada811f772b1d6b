using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using CsCheck;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// Experiment JSON through <see cref="ExperimentValidator.Parse"/> and <see cref="ExperimentValidator.Validate"/>
/// (every plugin's own option checks included) against a real store: values replaced by huge, negative, empty,
/// mistyped, path-like or other plugins' ids, properties removed and added, then bytes mutated. Errors must name
/// their field; an accepted config must name only stores inside the stores root.
/// </summary>
public sealed class ExperimentConfigTarget : IFuzzTarget
{
    private const string Tiny = """
        {"name": "fuzz", "data": {"store": "shapes", "train": {"split": "train"}, "captions": "random", "filters": [{"id": "caption-length", "options": {"minWords": 1}}]},
         "model": {"embedDim": 32, "vision": {"architecture": "vit", "imageSize": 16, "options": {"patchSize": 4, "width": 64, "depth": 2, "heads": 2}},
                   "text": {"contextLength": 12, "vocabSize": 512, "width": 64, "layers": 1, "heads": 2, "mlpWidth": 128}},
         "strategy": {"id": "clip"},
         "training": {"batchSize": 2, "learningRate": 0.005, "budget": {"samples": 64}, "seed": 0, "checkpointEvery": 1000, "precision": "fp32"},
         "evaluations": [{"name": "shapes", "task": "zeroshot_classification", "store": "shapes", "labels": "label", "templateSet": "plain"},
                         {"name": "pairs", "task": "zeroshot_retrieval", "store": "shapes", "samples": {"only": {"note": ["plain"]}}}]}
        """;

    private static readonly Lazy<string> Quickstart = new(() => File.ReadAllText(Path.Combine(Importer.RepositoryRoot(), "experiments", "quickstart.json")));

    private static readonly JsonNode?[] Values =
    [
        null, 0, -1, 1, 2, 1e308, -1e308, 2147483648L, long.MaxValue, 1e-300, 0.5, true, "", " ", "x", new string('n', 5000), "../shapes", "../stores/shapes",
        "/etc", "..", ".", "shapes/../shapes", "\u0000", "\u202Eevil", "名前", "vit", "resnet", "convnext", "swin", "mixer", "clip", "slip", "flip", "augment",
        "random-subset", "clip-score", "english", "bf16-mixed", "fp32", "train", "test", "zeroshot_retrieval", "{c}",
    ];

    private static readonly Lazy<string> Store = new(MakeStore);

    public string Name => "config";

    public TimeSpan PerCase => TimeSpan.FromSeconds(15);

    public Gen<FuzzCase> Cases { get; } = Gen.Select(
        Gen.Bool,
        Gen.Select(Gen.Int[0, 1 << 16], Gen.Int[0, 3], Gen.Int[0, 1 << 16]).Array[0, 4],
        Gen.Frequency((3, Gen.Const(Array.Empty<Mutation>())), (1, Mutation.Step.Array[1, 3])),
        (quick, edits, bytes) =>
        {
            var node = JsonNode.Parse(quick ? Quickstart.Value : Tiny)!;
            var applied = edits.Select(e => Edit(node, e.Item1, e.Item2, e.Item3)).ToList();
            var (text, mutated) = Mutation.Apply(Encoding.UTF8.GetBytes(node.ToJsonString()), bytes);
            return new FuzzCase("experiment.json", text, $"{(quick ? "quickstart" : "tiny")}: {string.Join("; ", applied)}; bytes: {mutated}");
        });

    public void Setup(FuzzCase input, Sandbox sandbox)
    {
        // The quickstart's own store name too, so its mutations reach past "no such store".
        foreach (var name in new[] { "shapes", "emoji" })
        {
            var store = Path.Combine(sandbox.Root, "stores", name);
            Directory.CreateDirectory(store);
            foreach (var file in Directory.EnumerateFiles(Store.Value))
            {
                File.Copy(file, Path.Combine(store, Path.GetFileName(file)));
            }
        }
    }

    public Outcome Execute(FuzzCase input, Sandbox sandbox, CancellationToken cancellationToken)
    {
        var storesRoot = Path.Combine(sandbox.Root, "stores");
        try
        {
            var (config, errors) = ExperimentJson.Parse(Encoding.UTF8.GetString(input.Bytes), "--config", input.FileName);
            if (config is null || errors.Count > 0)
            {
                return Named(errors);
            }
            var validation = new ExperimentValidator(StaticRegistry.Instance, TestLayout.Of(storesRoot, Path.Combine(sandbox.Root, "runs"))).Validate(config);
            if (validation.Count > 0)
            {
                return Named(validation);
            }
            var outside = new[] { config.Data.Store }.Concat(config.Evaluations.Select(e => e.Store)).FirstOrDefault(s => !ImportJudge.Inside(Path.Combine(storesRoot, s), storesRoot));
            return outside is null ? Outcome.Accepted() : new Outcome(Verdict.Escape, $"accepted store '{outside}', which resolves outside {storesRoot}");
        }
#pragma warning disable CA1031 // Parse and Validate promise field errors, never exceptions: any exception is a crash verdict.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Outcome.Crash(e);
        }
    }

    private static Outcome Named(IReadOnlyList<Abstractions.Options.OptionError> errors) =>
        errors.Count > 0 && errors.All(e => !string.IsNullOrWhiteSpace(e.Field) && !string.IsNullOrWhiteSpace(e.Message))
            ? Outcome.Rejected(string.Join("; ", errors))
            : new Outcome(Verdict.Unnamed, errors.Count == 0 ? "refused with no error" : $"an error without a field or message: {string.Join("; ", errors)}");

    /// <summary>Replaces (op 0, 3), removes (1) or adds beside (2) the node picked among all of the document's values.</summary>
    private static string Edit(JsonNode root, int pick, int op, int value)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[pick % nodes.Count];
        var replacement = Values[value % Values.Length]?.DeepClone();
        var where = target.GetPath();
        switch (target.Parent)
        {
            case JsonObject parent when op == 1:
                parent.Remove(target.GetPropertyName());
                return $"remove {where}";
            case JsonObject parent when op == 2:
                parent[$"unknown{value % 7}"] = replacement;
                return $"add {where}.unknown{value % 7}";
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                return $"{where} = {replacement?.ToJsonString() ?? "null"}";
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                return $"{where} = {replacement?.ToJsonString() ?? "null"}";
            default:
                return "none";
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }
                break;
        }
    }

    /// <summary>A small real store, imported once per test run from the CSV target's images, with a label set and a note field.</summary>
    private static string MakeStore()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cliphost-tests", "fuzz-config-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        var images = Path.Combine(dir, "in");
        Directory.CreateDirectory(images);
        var rows = new StringBuilder("image,caption,label,note\n");
        for (var i = 0; i < 12; i++)
        {
            File.WriteAllBytes(Path.Combine(images, $"{i}.png"), TestImages.NoisePng(16, i));
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}.png,shape number {i},{(i % 2 == 0 ? "even" : "odd")},{(i % 3 == 0 ? "plain" : "other")}\n");
        }
        File.WriteAllText(Path.Combine(images, "shapes.csv"), rows.ToString());
        var options = new ClipHost.Engine.Data.Import.ImportOptions { StoresRoot = Path.Combine(dir, "stores"), Resolution = 16, ValFraction = 0.2, TestFraction = 0.2 };
        Importer.Create().ImportAsync(new ClipHost.Engine.Data.Sources.CsvManifestSource(Path.Combine(images, "shapes.csv"), "image", "caption", "label", null), options, null, CancellationToken.None).GetAwaiter().GetResult();
        return Path.Combine(dir, "stores", "shapes");
    }
}
