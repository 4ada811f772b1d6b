using ClipHost.Host.Runs;
using Mediator;

namespace ClipHost.Host.Commands;

/// <summary>Evaluate a trained run's latest checkpoint with its config's evaluations.</summary>
public sealed record EvaluateRunCommand(string RunId) : ICommand<RunRecord>;
