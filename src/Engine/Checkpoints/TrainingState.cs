namespace ClipHost.Engine.Checkpoints;

/// <summary>Where a run stands, saved beside each checkpoint; with the weights and optimiser state it is all a resume needs.</summary>
public sealed record TrainingState(
    long Step,
    long TotalSteps,
    long SamplesSeen,
    double WallSeconds,
    double ImageForwardGflops,
    double TextForwardGflops,
    string ConfigHash,
    double Loss);
