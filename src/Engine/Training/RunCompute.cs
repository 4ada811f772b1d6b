namespace ClipHost.Engine.Training;

/// <summary>
/// Compute accounting of a run, from the real module shapes: forward GFLOPs per sample for each tower (FLOPs =
/// 2 x multiply-accumulates), what was really spent (extra views, masked tokens), and the achieved rate.
/// Training compute counts backward as twice the forward (the usual 3x rule).
/// </summary>
public sealed record RunCompute(
    double ImageForwardGflopsPerSample,
    double TextForwardGflopsPerSample,
    long SamplesSeen,
    double ImageForwardGflops,
    double TextForwardGflops,
    double WallSeconds,
    long ImageParameters,
    long TextParameters)
{
    public double TrainingGflops => 3 * (ImageForwardGflops + TextForwardGflops);

    public double PairsPerSecond => WallSeconds > 0 ? SamplesSeen / WallSeconds : 0;
}
