namespace ClipHost.Engine.Benchmarks;

/// <summary>What `clip-host bench` measured in one run.</summary>
/// <param name="Profile">Where the median step's time went, when the request asked for a profile.</param>
/// <param name="MatmulPeakGflops">The square matmul rate in the run's compute dtype (bf16 under bf16-mixed), measured in the same run.</param>
/// <param name="MatmulPeakSize">The side of that matmul (<see cref="MatmulPeak.SizeFor"/>).</param>
public sealed record BenchResult(
    string Preset,
    Experiments.Precision Precision,
    int BatchSize,
    int Steps,
    double PairsPerSecondMedian,
    double ForwardGflopsPerPair,
    double MatmulPeakGflops,
    long PeakRssBytes,
    IReadOnlyDictionary<int, long> RssAtStep,
    IReadOnlyList<double> StepSeconds,
    IReadOnlyList<StepProfileRow>? Profile = null,
    int MatmulPeakSize = 2048)
{
    /// <summary>3 x forward FLOPs per pair x pairs/s: the training FLOP rate actually achieved.</summary>
    public double AchievedGflops => 3 * ForwardGflopsPerPair * PairsPerSecondMedian;

    public double FractionOfPeak => MatmulPeakGflops > 0 ? AchievedGflops / MatmulPeakGflops : 0;
}
