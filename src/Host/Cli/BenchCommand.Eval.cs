using System.CommandLine;
using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Hardware;
using ClipHost.Engine.Model;
using ClipHost.Host.Torch;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host bench --eval`: the evaluation side of the preset (or --architecture's tower): image and text embeddings
/// per second in each requested precision, and the linear probe's fit and L2 search on synthetic features.
/// </summary>
public static partial class BenchCommand
{
    private const int EvalBatch = 256;

    private static Task<int> EvalBench(ParseResult parse, BenchOptions o, ImageTowerConfig? vision, CancellationToken ct) =>
        CliHost.RunAsync(parse, b => b.AddTraining(), (host, ct) => CommandRunner.OnTrainingThread(() =>
        {
            var device = host.Services.GetRequiredService<TorchRuntime>().Device;
            var registry = host.Services.GetRequiredService<IComponentRegistry>();
            if (vision is not null && Refusals(registry, vision) is { Count: > 0 } refused)
            {
                return CommandRunner.Refuse(refused);
            }
            PrintMachine(device);
            var config = vision is null ? TrainBenchmark.Preset : TrainBenchmark.Preset with { Vision = vision };
            var steps = parse.GetValue(o.Steps);
            var results = Precisions(parse.GetValue(o.Precision)).Select(p =>
                EmbeddingBenchmark.Run(registry, config, p, device, EvalBatch, steps, parse.GetValue(o.Warmup), ct)).ToList();
            Console.WriteLine($"embeddings of {(vision is null ? TrainBenchmark.PresetName : $"{vision.Architecture} {vision.Options} at {vision.ImageSize} px")}, inference, batch {EvalBatch}, median of {steps} batches:");
            foreach (var r in results)
            {
                Console.WriteLine($"  {PrecisionName(r.Precision),-10}  images {r.ImagesPerSecondMedian,8:F1}/s   texts {r.TextsPerSecondMedian,8:F1}/s");
            }
            if (results.Count == 2)
            {
                Console.WriteLine($"  bf16-mixed / fp32: images {results[1].ImagesPerSecondMedian / results[0].ImagesPerSecondMedian:F2}x, texts {results[1].TextsPerSecondMedian / results[0].TextsPerSecondMedian:F2}x");
            }
            PrintProbe(ProbeBenchmark.Run(10_000, 512, 10, Math.Min(steps, 5), ct));
            return 0;
        }), ct);

    private static Precision[] Precisions(string? option) => option switch
    {
        "all" => [Precision.Fp32, Precision.Bf16Mixed],
        "bf16-mixed" => [Precision.Bf16Mixed],
        _ => [Precision.Fp32],
    };

    /// <summary>Every figure is of one CPU kind: say which, and what LibTorch runs on it.</summary>
    private static void PrintMachine(TorchSharp.torch.Device device)
    {
        Console.WriteLine($"cpu:                    {CpuInfo.Detect()}");
        Console.WriteLine($"torch:                  LibTorch {TorchSharp.torch.__version__} ({TorchRuntime.TorchBackend}), device {device}, {TorchSharp.torch.get_num_threads()} intra-op threads");
    }
}
