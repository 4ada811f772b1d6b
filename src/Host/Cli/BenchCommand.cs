using System.CommandLine;
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
        var o = new BenchOptions();
        var command = new Command("bench", $"Train the fixed preset {TrainBenchmark.PresetName} (or another image tower) on synthetic inputs and report pairs/s, GFLOP/s against the matmul peak, and memory");
        o.AddTo(command);
        command.SetAction((parse, ct) =>
            parse.GetValue(o.Probe) ? ProbeBench(parse, parse.GetValue(o.Steps), ct)
            : parse.GetValue(o.Augmentations) ? AugmentationBench(parse, parse.GetValue(o.Experiment)!, parse.GetValue(o.Steps), parse.GetValue(o.Warmup), ct)
            : parse.GetValue(o.Presets) ? PresetsTable(parse, parse.GetValue(o.ImageSize), parse.GetValue(o.Batch), parse.GetValue(o.Steps), parse.GetValue(o.Warmup), parse.GetValue(o.Architecture), PresetOf(parse.GetValue(o.Options)), ct)
            : Measure(parse, o, ct));
        return command;
    }

    private static Task<int> Measure(ParseResult parse, BenchOptions o, CancellationToken ct)
    {
        ImageTowerConfig? vision = null;
        if (parse.GetValue(o.Architecture) is { } id)
        {
            var (tower, errors) = BenchVision(id, parse.GetValue(o.Options), parse.GetValue(o.ImageSize));
            if (tower is null)
            {
                return Task.FromResult(CommandRunner.Refuse(errors));
            }
            vision = tower;
        }
        return parse.GetValue(o.Eval)
            ? EvalBench(parse, o, vision, ct)
            : CliHost.RunAsync(parse, b => b.AddTraining(), (host, ct) => MeasureAsync(host.Services, parse, o, vision, ct), ct);
    }

    private static async Task<int> MeasureAsync(IServiceProvider s, ParseResult parse, BenchOptions o, ImageTowerConfig? vision, CancellationToken ct)
    {
        var device = s.GetRequiredService<TorchRuntime>().Device;
        var registry = s.GetRequiredService<IComponentRegistry>();
        var ids = parse.GetValue(o.Strategies)!;
        if (Rejected(registry, ids, vision) is { Count: > 0 } rejected)
        {
            return CommandRunner.Refuse(rejected);
        }
        var precisions = Precisions(parse.GetValue(o.Precision));
        PrintMachine(device);
        var results = new List<BenchResult>();
        foreach (var id in ids)
        {
            foreach (var p in precisions)
            {
                var result = await CommandRunner.OnTrainingThread(() => s.GetRequiredService<TrainBenchmark>().Run(
                    new TrainBenchRequest { Device = device, Precision = p, Steps = parse.GetValue(o.Steps), Warmup = parse.GetValue(o.Warmup), BatchSize = parse.GetValue(o.Batch), Vision = vision, Strategy = id, Profile = parse.GetValue(o.Profile) },
                    new Progress<(int Step, double Seconds)>(x => Console.Error.Write($"\r{id} {p} step {x.Step}: {x.Seconds:F2} s   ")), ct)).ConfigureAwait(false);
                Console.Error.WriteLine();
                PrintBench(result, device);
                results.Add(result);
            }
        }
        PrintRatios(results, precisions.Length, ids);
        PrintProfiles(results);
        return 0;
    }

    /// <summary>The strategies must be loaded and accept the image tower (its capabilities), before anything trains.</summary>
    private static List<OptionError> Rejected(IComponentRegistry registry, string[] ids, ImageTowerConfig? vision)
    {
        if (vision is not null && Refusals(registry, vision) is { Count: > 0 } refused)
        {
            return [.. refused];
        }
        var rejected = ids.Where(id => registry.FindStrategy(id) is null).Select(id => new OptionError("--strategy", $"unknown strategy '{id}'; available: {string.Join(", ", registry.StrategyIds)}")).ToList();
        var capabilities = vision is null ? TrainBenchmark.Capabilities(registry) : registry.FindEncoder(vision.Architecture)!.Describe(vision.Options, new(vision.ImageSize, 3, 0));
        rejected.AddRange(ids.Select(registry.FindStrategy).OfType<Abstractions.Strategies.ITrainingStrategyFactory>().SelectMany(f => f.Validate(null, capabilities, "--strategy")));
        return rejected;
    }

    private static void PrintRatios(List<BenchResult> results, int precisions, string[] ids)
    {
        if (precisions == 2 && ids.Length == 1)
        {
            Console.WriteLine($"bf16-mixed / fp32:      {results[1].PairsPerSecondMedian / results[0].PairsPerSecondMedian:F2}x pairs/s; matmul peak bf16 / fp32 {results[1].MatmulPeakGflops / results[0].MatmulPeakGflops:F2}x");
        }
        // Each later strategy against the first, at the same precision, measured in this one run.
        for (var i = precisions; i < results.Count; i++)
        {
            var baseline = results[i % precisions];
            Console.WriteLine($"{ids[i / precisions]} / {ids[0]} ({PrecisionName(results[i].Precision)}): {results[i].PairsPerSecondMedian / baseline.PairsPerSecondMedian:F2}x pairs/s, {results[i].ForwardGflopsPerPair / baseline.ForwardGflopsPerPair:F2}x forward GFLOPs/pair");
        }
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
            PrintMachine(device);
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
        Console.WriteLine($"{dtype} matmul peak:       {result.MatmulPeakGflops:F1} GFLOP/s ({result.MatmulPeakSize}^3, same run)");
        Console.WriteLine($"fraction of peak:       {result.FractionOfPeak:P1}");
        Console.WriteLine($"peak RSS:               {result.PeakRssBytes / 1048576.0:F0} MiB");
        if (result.RssAtStep.TryGetValue(100, out var at100) && result.RssAtStep.TryGetValue(300, out var at300))
        {
            Console.WriteLine($"RSS step 100 -> 300:    {at100 / 1048576.0:F0} -> {at300 / 1048576.0:F0} MiB ({(at300 - at100) * 100.0 / at100:+0.0;-0.0}%)");
        }
    }

    private static string PrecisionName(Precision p) => p == Precision.Fp32 ? "fp32" : "bf16-mixed";
}
