namespace ClipHost.Host.Commands;

/// <summary>Cancel a run: its queued or running job is deleted, and a running training stops at a checkpoint.</summary>
public sealed record CancelRunCommand(string RunId) : ICommand<RunRecord>;
