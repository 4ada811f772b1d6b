namespace ClipHost.Engine.Checkpoints;

/// <summary>Where a run stands, saved beside each checkpoint; with the weights and optimiser state it is all a resume needs.</summary>
/// <param name="Precision">The precision the run trains in and why (what `auto` chose), kept when it resumes; null in checkpoints written before it was recorded.</param>
/// <param name="Loss">The last step's loss; null at step 0 of a run of no steps (model.init evaluated as loaded), which has none.</param>
/// <param name="DataWaitSeconds">Seconds the training thread waited for batches, over all invocations (as <paramref name="WallSeconds"/>).</param>
public sealed record TrainingState(
    long Step,
    long TotalSteps,
    long SamplesSeen,
    double WallSeconds,
    double ImageForwardGflops,
    double TextForwardGflops,
    string ConfigHash,
    double? Loss,
    Precision.PrecisionChoice? Precision = null,
    double DataWaitSeconds = 0);
