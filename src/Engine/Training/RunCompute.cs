namespace ClipHost.Engine.Training;

/// <summary>
/// Compute accounting of a run, from the real module shapes: forward GFLOPs of one full image view and of one
/// caption (FLOPs = 2 x multiply-accumulates), what was really spent (extra views, masked tokens), and the achieved
/// rate. Training compute counts backward as twice the forward (the usual 3x rule). <see cref="Budget"/> is the budget
/// the run was given and what it came to; null in compute.json files written before budgets were recorded.
/// <see cref="Precision"/> is what the run trained in and why (`auto`'s measurement); <see cref="DataWaitShare"/> the
/// share of the run's step time the training thread waited for batches.
/// </summary>
public sealed record RunCompute(
    double ImageForwardGflopsPerView,
    double TextForwardGflopsPerSample,
    long SamplesSeen,
    double ImageForwardGflops,
    double TextForwardGflops,
    double WallSeconds,
    long ImageParameters,
    long TextParameters,
    RunBudget? Budget = null,
    Precision.PrecisionChoice? Precision = null,
    double? DataWaitShare = null)
{
    /// <summary>
    /// Image-tower forward GFLOPs a sample really cost in this run: SLIP's extra views and head, FLIP's masked
    /// passes; one full view before the first step.
    /// </summary>
    public double ImageForwardGflopsPerSample => SamplesSeen > 0 ? ImageForwardGflops / SamplesSeen : ImageForwardGflopsPerView;

    public double TrainingGflops => 3 * (ImageForwardGflops + TextForwardGflops);

    /// <summary>
    /// With a budget in GFLOPs, (<see cref="TrainingGflops"/> - budget) / budget: how close the run came to it (the last
    /// step is whole, so at most half a step's cost); null for other budgets and for runs written before budgets were recorded.
    /// </summary>
    public double? BudgetGap => Budget is { Kind: "gflops", Value: > 0 } b ? (TrainingGflops - b.Value) / b.Value : null;

    public double PairsPerSecond => WallSeconds > 0 ? SamplesSeen / WallSeconds : 0;
}
