using System.CommandLine;
using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Host.Torch;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host bench`: training throughput of a preset (or any image tower and strategy) on synthetic inputs.</summary>
public static partial class BenchCommand
{
    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Measured steps (300 also reports memory at steps 100 and 300)", DefaultValueFactory = _ => 12 };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured steps first", DefaultValueFactory = _ => 3 };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => TrainBenchmark.BatchSize };
        var precision = new Option<string>("--precision") { Description = "fp32, bf16-mixed, or all (both in one run, side by side)", DefaultValueFactory = _ => "fp32" };
        precision.AcceptOnlyFromAmong("fp32", "bf16-mixed", "all");
        var architecture = new Option<string?>("--architecture") { Description = "Train this image tower instead of the preset's (with the preset's text tower)" };
        var options = new Option<string?>("--options") { Description = "The image tower's options as JSON, e.g. '{\"preset\": \"mini\"}'" };
        var imageSize = new Option<int>("--image-size") { Description = "Image side for --architecture and --presets", DefaultValueFactory = _ => 64 };
        var strategies = new Option<string[]>("--strategy") { Description = "Strategies to train, side by side in this run (default clip), e.g. --strategy clip --strategy flip", DefaultValueFactory = _ => ["clip"], AllowMultipleArgumentsPerToken = true };
        var augmentations = new Option<bool>("--augmentations") { Description = "Images/s of every augmentation policy on the stored pixels of --config's training data, against that experiment's own training pairs/s" };
        var experiment = new Option<FileInfo>("--config") { Description = "The experiment --augmentations measures against", DefaultValueFactory = _ => new FileInfo(Path.Combine("experiments", "quickstart.json")) };
        var presets = new Option<bool>("--presets") { Description = "Every preset of every architecture (or of --architecture; or the preset named in --options): parameters, GFLOPs at 224 px and --image-size, tokens, and pairs/s at --image-size, as a Markdown table" };
        var command = new Command("bench", $"Train the fixed preset {TrainBenchmark.PresetName} (or another image tower) on synthetic inputs and report pairs/s, GFLOP/s against the matmul peak, and memory")
        {
            steps, warmup, batch, precision, architecture, options, imageSize, strategies, presets, augmentations, experiment,
        };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(augmentations))
            {
                return AugmentationBench(parse, parse.GetValue(experiment)!, parse.GetValue(steps), parse.GetValue(warmup), ct);
            }
            if (parse.GetValue(presets))
            {
                return PresetsTable(parse, parse.GetValue(imageSize), parse.GetValue(batch), parse.GetValue(steps), parse.GetValue(warmup), parse.GetValue(architecture), PresetOf(parse.GetValue(options)), ct);
            }
            ImageTowerConfig? vision = null;
            if (parse.GetValue(architecture) is { } id)
            {
                var (tower, errors) = BenchVision(id, parse.GetValue(options), parse.GetValue(imageSize));
                if (tower is null)
                {
                    return Task.FromResult(CommandRunner.Refuse(errors));
                }
                vision = tower;
            }
            return CliHost.RunAsync(parse, b => b.AddTraining(), async (host, ct) =>
            {
                var s = host.Services;
                var device = s.GetRequiredService<TorchRuntime>().Device;
                if (vision is not null && Refusals(s.GetRequiredService<IComponentRegistry>(), vision) is { Count: > 0 } refused)
                {
                    return CommandRunner.Refuse(refused);
                }
                Precision[] precisions = parse.GetValue(precision) switch
                {
                    "all" => [Precision.Fp32, Precision.Bf16Mixed],
                    "bf16-mixed" => [Precision.Bf16Mixed],
                    _ => [Precision.Fp32],
                };
                var registry = s.GetRequiredService<IComponentRegistry>();
                var ids = parse.GetValue(strategies)!;
                var rejected = ids.Where(id => registry.FindStrategy(id) is null).Select(id => new OptionError("--strategy", $"unknown strategy '{id}'; available: {string.Join(", ", registry.StrategyIds)}")).ToList();
                var capabilities = vision is null ? TrainBenchmark.Capabilities(registry) : registry.FindEncoder(vision.Architecture)!.Describe(vision.Options, new(vision.ImageSize, 3, 0));
                rejected.AddRange(ids.Select(registry.FindStrategy).OfType<Abstractions.Strategies.ITrainingStrategyFactory>().SelectMany(f => f.Validate(null, capabilities, "--strategy")));
                if (rejected.Count > 0)
                {
                    return CommandRunner.Refuse(rejected);
                }
                var results = new List<BenchResult>();
                foreach (var id in ids)
                {
                    foreach (var p in precisions)
                    {
                        var result = await CommandRunner.OnTrainingThread(() => s.GetRequiredService<TrainBenchmark>().Run(
                            device, p, parse.GetValue(steps), parse.GetValue(warmup), parse.GetValue(batch), new Progress<(int Step, double Seconds)>(x => Console.Error.Write($"\r{id} {p} step {x.Step}: {x.Seconds:F2} s   ")), ct, vision, strategy: id)).ConfigureAwait(false);
                        Console.Error.WriteLine();
                        PrintBench(result, device);
                        results.Add(result);
                    }
                }
                if (precisions.Length == 2 && ids.Length == 1)
                {
                    Console.WriteLine($"bf16-mixed / fp32:      {results[1].PairsPerSecondMedian / results[0].PairsPerSecondMedian:F2}x pairs/s; matmul peak bf16 / fp32 {results[1].MatmulPeakGflops / results[0].MatmulPeakGflops:F2}x");
                }
                // Each later strategy against the first, at the same precision, measured in this one run.
                for (var i = precisions.Length; i < results.Count; i++)
                {
                    var baseline = results[i % precisions.Length];
                    Console.WriteLine($"{ids[i / precisions.Length]} / {ids[0]} ({PrecisionName(results[i].Precision)}): {results[i].PairsPerSecondMedian / baseline.PairsPerSecondMedian:F2}x pairs/s, {results[i].ForwardGflopsPerPair / baseline.ForwardGflopsPerPair:F2}x forward GFLOPs/pair");
                }
                return 0;
            }, ct);
        });
        return command;
    }

    /// <summary>Parses --options; the architecture and its option values are checked once the plugins are loaded.</summary>
    private static (ImageTowerConfig? Vision, IReadOnlyList<OptionError> Errors) BenchVision(string id, string? json, int imageSize)
    {
        try
        {
            var options = json is null ? (JsonElement?)null : JsonDocument.Parse(json).RootElement;
            return (new ImageTowerConfig { Architecture = id, ImageSize = imageSize, Options = options }, []);
        }
        catch (JsonException e)
        {
            return (null, [new OptionError("--options", $"not JSON: {e.Message}")]);
        }
    }

    private static IReadOnlyList<OptionError> Refusals(IComponentRegistry registry, ImageTowerConfig vision) =>
        registry.FindEncoder(vision.Architecture) is { } factory
            ? factory.Validate(vision.Options, new(vision.ImageSize, 3, 0), "--options")
            : [new OptionError("--architecture", $"unknown architecture '{vision.Architecture}'; available: {string.Join(", ", registry.EncoderIds)}")];

    /// <summary>The "preset" of --options, which narrows --presets to that preset.</summary>
    private static string? PresetOf(string? json)
    {
        try
        {
            return json is not null && JsonDocument.Parse(json).RootElement.TryGetProperty("preset", out var p) ? p.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task<int> PresetsTable(ParseResult parse, int imageSize, int batchSize, int steps, int warmup, string? onlyArchitecture, string? onlyPreset, CancellationToken ct) =>
        CliHost.RunAsync(parse, b => b.AddTraining(), async (host, ct) =>
        {
            var s = host.Services;
            var device = s.GetRequiredService<TorchRuntime>().Device;
            var table = new PresetTable(s.GetRequiredService<IComponentRegistry>(), s.GetRequiredService<TrainBenchmark>());
            Console.WriteLine($"| architecture | preset | params (M) | GFLOPs 224 px | GFLOPs {imageSize} px | tokens 224 / {imageSize} | training pairs/s at {imageSize} px |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            await CommandRunner.OnTrainingThread(() =>
            {
                foreach (var row in table.Measure(device, imageSize, batchSize, steps, warmup, onlyArchitecture, onlyPreset, new Progress<string>(x => Console.Error.WriteLine($"measuring {x}")), ct))
                {
                    Console.WriteLine(PresetLine(row));
                }
                return 0;
            }).ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine($"pairs/s: median of {steps} steps after {warmup} warm-up, batch {batchSize}, fp32, device {device}, with {TrainBenchmark.PresetName}'s text tower; GFLOPs = 2 x multiply-adds of the image tower's forward pass.");
            return 0;
        }, ct);

    private static string PresetLine(PresetRow r)
    {
        static string G(double? g) => g is { } v ? v.ToString(v < 1 ? "F3" : "F2", System.Globalization.CultureInfo.InvariantCulture) : "does not fit";
        static string T(int t) => t > 0 ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        var pairs = r.Bench is { } b ? b.PairsPerSecondMedian.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : $"refused: {r.Refusal}";
        return $"| {r.Architecture} | {r.Preset} | {r.Parameters / 1e6:F2} | {G(r.Gflops224)} | {G(r.GflopsSmall)} | {T(r.Tokens224)} / {T(r.TokensSmall)} | {pairs} |";
    }

    private static void PrintBench(BenchResult result, TorchSharp.torch.Device device)
    {
        var dtype = result.Precision == Precision.Fp32 ? "fp32" : "bf16";
        Console.WriteLine($"preset:                 {result.Preset} (batch {result.BatchSize}, {PrecisionName(result.Precision)}, device {device})");
        Console.WriteLine($"pairs/s (median of {result.Steps}): {result.PairsPerSecondMedian:F1}");
        Console.WriteLine($"forward GFLOPs/pair:    {result.ForwardGflopsPerPair:F4}");
        Console.WriteLine($"achieved training:      {result.AchievedGflops:F1} GFLOP/s (3 x forward x pairs/s)");
        Console.WriteLine($"{dtype} matmul peak:       {result.MatmulPeakGflops:F1} GFLOP/s (2048^3, same run)");
        Console.WriteLine($"fraction of peak:       {result.FractionOfPeak:P1}");
        Console.WriteLine($"peak RSS:               {result.PeakRssBytes / 1048576.0:F0} MiB");
        if (result.RssAtStep.TryGetValue(100, out var at100) && result.RssAtStep.TryGetValue(300, out var at300))
        {
            Console.WriteLine($"RSS step 100 -> 300:    {at100 / 1048576.0:F0} -> {at300 / 1048576.0:F0} MiB ({(at300 - at100) * 100.0 / at100:+0.0;-0.0}%)");
        }
    }

    private static string PrecisionName(Precision p) => p == Precision.Fp32 ? "fp32" : "bf16-mixed";
}
