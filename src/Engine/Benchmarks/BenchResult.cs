namespace ClipHost.Engine.Benchmarks;

/// <summary>What `clip-host bench` measured in one run.</summary>
public sealed record BenchResult
{
    public required string Preset { get; init; }
    public required Experiments.Precision Precision { get; init; }
    public required int BatchSize { get; init; }
    public required int Steps { get; init; }
    public required double PairsPerSecondMedian { get; init; }
    public required double ForwardGflopsPerPair { get; init; }
    /// <summary>The 2048^3 matmul rate in the run's compute dtype (bf16 under bf16-mixed), measured in the same run.</summary>
    public required double MatmulPeakGflops { get; init; }
    public required long PeakRssBytes { get; init; }
    public required IReadOnlyDictionary<int, long> RssAtStep { get; init; }
    public required IReadOnlyList<double> StepSeconds { get; init; }

    /// <summary>3 x forward FLOPs per pair x pairs/s: the training FLOP rate actually achieved.</summary>
    public double AchievedGflops => 3 * ForwardGflopsPerPair * PairsPerSecondMedian;

    public double FractionOfPeak => MatmulPeakGflops > 0 ? AchievedGflops / MatmulPeakGflops : 0;
}
