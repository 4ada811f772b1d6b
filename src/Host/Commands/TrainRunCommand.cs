using ClipHost.Engine.Training;

namespace ClipHost.Host.Commands;

/// <summary>
/// Train a created run, resuming from its last checkpoint if an earlier attempt wrote one. The service's job sends it
/// with the run id alone; the CLI adds its progress display and may stop early.
/// </summary>
/// <param name="RunId">The run (its experiment's name).</param>
public sealed record TrainRunCommand(string RunId) : ICommand<RunRecord>
{
    /// <summary>Stop with a checkpoint after this many steps of this attempt (the run is then <see cref="RunStatus.Stopped"/>).</summary>
    public long? StopAfterSteps { get; init; }

    /// <summary>Also told every step (the CLI's progress bar); the record is updated every couple of seconds regardless.</summary>
    public IProgress<TrainProgress>? Display { get; init; }
}
