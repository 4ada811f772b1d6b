using ClipHost.Engine.Checkpoints;

namespace ClipHost.Engine.Training;

/// <summary>What a training invocation produced.</summary>
public sealed record TrainResult(string RunDirectory, string Checkpoint, TrainingState State, bool Completed, RunCompute Compute);
