using ClipHost.Host.Runs;
using Mediator;

namespace ClipHost.Host.Commands;

/// <summary>Train a queued run, resuming from its last checkpoint if an earlier attempt wrote one.</summary>
public sealed record TrainRunCommand(string RunId) : ICommand<RunRecord>;
