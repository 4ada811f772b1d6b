using System.Security.Cryptography;
using ClipHost.Engine.Hardware;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>
/// Resolves `training.precision: auto` to the precision that trains this model faster on this machine. On a CPU
/// without native bf16 (no AMX, AVX512_BF16 or Arm BF16) every bf16 multiply is converted to fp32 first, so fp32 is
/// chosen without measuring. Elsewhere both precisions train the run's own model, strategy and batch size on synthetic
/// inputs through <see cref="TrainBenchmark"/> (one warm-up and <see cref="MeasuredSteps"/> measured steps each; a
/// precision more than <see cref="HopelessRatio"/>x slower than the other is stopped early), and the faster one wins.
/// The answer is cached per machine (CPU model and instruction sets, threads, LibTorch, device) and model, so a
/// machine measures a model once and every later run of it, and every host of the same kind, chooses the same.
/// </summary>
/// <param name="cpu">The CPU to decide for; null: this machine's (<see cref="CpuInfo.Detect"/>).</param>
public sealed class PrecisionChooser(IComponentRegistry registry, PrecisionCache cache, CpuInfo? cpu = null)
{
    private const int MeasuredSteps = 3;
    private const double HopelessRatio = 2.0;

    public PrecisionChoice Resolve(ExperimentConfig config, Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var machine = cpu ?? CpuInfo.Detect();
        var requested = config.Training.Precision;
        if (requested != Experiments.Precision.Auto)
        {
            return PrecisionChoice.Explicit(requested, machine.ToString());
        }
        var key = Key(config, device, machine);
        if (cache.Find(key) is { } cached)
        {
            return cached;
        }
        var choice = device.type == DeviceType.CPU && !machine.HasNativeBf16
            ? new PrecisionChoice(Experiments.Precision.Fp32, requested, $"fp32: this CPU has no native bf16 ({machine.Bf16Path})", null, null, machine.ToString(), DateTimeOffset.UtcNow)
            : Measure(config, device, machine, cancellationToken);
        return cache.Add(key, choice);
    }

    /// <summary>The machine and the model, as far as they decide the speed of a step.</summary>
    public static string Key(ExperimentConfig config, Device device, CpuInfo machine)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(machine);
        var model = JsonSerializer.Serialize(new { config.Model, config.Strategy, config.Training.BatchSize }, ExperimentJson.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(model)))[..16];
        return $"{machine.Model} [{string.Join(' ', machine.InstructionSets)}] threads {get_num_threads()} LibTorch {__version__} {device} model {hash}";
    }

    private PrecisionChoice Measure(ExperimentConfig config, Device device, CpuInfo machine, CancellationToken cancellationToken)
    {
        var fp32 = Rate(config, device, Experiments.Precision.Fp32, null, cancellationToken)!.Value;
        var bf16 = Rate(config, device, Experiments.Precision.Bf16Mixed, config.Training.BatchSize / fp32 * HopelessRatio, cancellationToken);
        var faster = bf16 is { } b && b > fp32 ? Experiments.Precision.Bf16Mixed : Experiments.Precision.Fp32;
        var reason = bf16 is { } r
            ? $"{(faster == Experiments.Precision.Fp32 ? "fp32" : "bf16-mixed")}: bf16-mixed {r:F1} pairs/s against fp32 {fp32:F1} ({r / fp32:F2}x), measured on this model"
            : $"fp32: bf16-mixed was over {HopelessRatio}x slower than fp32 ({fp32:F1} pairs/s) on this model";
        return new PrecisionChoice(faster, Experiments.Precision.Auto, reason, fp32, bf16, machine.ToString(), DateTimeOffset.UtcNow);
    }

    /// <summary>Pairs/s in one precision, or null when a step took longer than <paramref name="giveUpAfterSeconds"/>.</summary>
    private double? Rate(ExperimentConfig config, Device device, Experiments.Precision precision, double? giveUpAfterSeconds, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new TrainBenchRequest
        {
            Device = device,
            Precision = precision,
            Steps = MeasuredSteps,
            Warmup = 1,
            BatchSize = config.Training.BatchSize,
            MeasurePeak = false,
            Strategy = config.Strategy.Id,
            Model = config.Model,
        };
        try
        {
            return new TrainBenchmark(registry).Run(request, new StopWhenSlow(stop, giveUpAfterSeconds), stop.Token).PairsPerSecondMedian;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Synchronous progress (Progress&lt;T&gt; posts to the thread pool): cancels as soon as a step is hopeless.</summary>
    private sealed class StopWhenSlow(CancellationTokenSource stop, double? limitSeconds) : IProgress<(int Step, double Seconds)>
    {
        public void Report((int Step, double Seconds) value)
        {
            // The warm-up step pays one-time costs (kernel selection, allocations): judge the measured ones.
            if (value.Step > 1 && value.Seconds > limitSeconds)
            {
                stop.Cancel();
            }
        }
    }
}
