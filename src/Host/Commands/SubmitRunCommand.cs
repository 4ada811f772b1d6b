using ClipHost.Host.Runs;
using Mediator;

namespace ClipHost.Host.Commands;

/// <summary>Queue a training run of an experiment (its JSON, as a file holds it or a request carries it).</summary>
/// <param name="ExperimentJson">The experiment config.</param>
/// <param name="Source">Who asked: "api", "schedule:&lt;experiment&gt;".</param>
public sealed record SubmitRunCommand(string ExperimentJson, string Source) : ICommand<RunRecord>
{
    public override string ToString() => $"{{ Source = {Source}, Length = {ExperimentJson.Length} }}";
}
