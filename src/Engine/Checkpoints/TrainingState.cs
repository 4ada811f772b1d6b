namespace ClipHost.Engine.Checkpoints;

/// <summary>Where a run stands, saved beside each checkpoint; with the weights and optimiser state it is all a resume needs.</summary>
public sealed record TrainingState
{
    public required long Step { get; init; }
    public required long TotalSteps { get; init; }
    public required long SamplesSeen { get; init; }
    public required double WallSeconds { get; init; }
    public required double ImageForwardGflops { get; init; }
    public required double TextForwardGflops { get; init; }
    public required string ConfigHash { get; init; }
    public required double Loss { get; init; }
}
