using ClipHost.Engine.Model;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>What <see cref="TrainBenchmark"/> trains and how long it measures.</summary>
public sealed record TrainBenchRequest
{
    public required Device Device { get; init; }

    public Experiments.Precision Precision { get; init; } = Experiments.Precision.Fp32;

    /// <summary>Steps measured, after <see cref="Warmup"/>.</summary>
    public required int Steps { get; init; }

    /// <summary>Steps run first and not measured.</summary>
    public required int Warmup { get; init; }

    public int BatchSize { get; init; } = TrainBenchmark.BatchSize;

    /// <summary>An image tower in place of the preset's (validated by the caller), or null.</summary>
    public ImageTowerConfig? Vision { get; init; }

    /// <summary>Also time the 2048^3 matmul, for the fraction of peak (a few seconds).</summary>
    public bool MeasurePeak { get; init; } = true;

    /// <summary>The strategy to train with (its default options): clip, or e.g. flip to compare.</summary>
    public string Strategy { get; init; } = "clip";

    /// <summary>Also time each kind of op and each phase of the step (<see cref="StepProfile"/>).</summary>
    public bool Profile { get; init; }

    /// <summary>A whole model (an experiment's) in place of the preset, or null.</summary>
    public ClipModelConfig? Model { get; init; }
}
