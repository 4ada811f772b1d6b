namespace ClipHost.Engine.Training;

/// <summary>
/// Compute accounting of a run, from the real module shapes: forward GFLOPs of one full image view and of one
/// caption (FLOPs = 2 x multiply-accumulates), what was really spent (extra views, masked tokens), and the achieved
/// rate. Training compute counts backward as twice the forward (the usual 3x rule).
/// </summary>
public sealed record RunCompute(
    double ImageForwardGflopsPerView,
    double TextForwardGflopsPerSample,
    long SamplesSeen,
    double ImageForwardGflops,
    double TextForwardGflops,
    double WallSeconds,
    long ImageParameters,
    long TextParameters)
{
    /// <summary>
    /// Image-tower forward GFLOPs a sample really cost in this run: SLIP's extra views and head, FLIP's masked
    /// passes; one full view before the first step.
    /// </summary>
    public double ImageForwardGflopsPerSample => SamplesSeen > 0 ? ImageForwardGflops / SamplesSeen : ImageForwardGflopsPerView;

    public double TrainingGflops => 3 * (ImageForwardGflops + TextForwardGflops);

    public double PairsPerSecond => WallSeconds > 0 ? SamplesSeen / WallSeconds : 0;
}
