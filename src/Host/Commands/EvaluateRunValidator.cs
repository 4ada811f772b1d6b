using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Paths;
using ClipHost.Host.Plugins;

namespace ClipHost.Host.Commands;

/// <summary>
/// The run exists and is not cancelled, the checkpoint asked for exists, and the config whose evaluations run (the run's
/// own, or the one given) passes the same checks as a submission: a missing label set or a misspelt split is a field
/// error before any work, never an exception halfway through the results.
/// </summary>
public sealed class EvaluateRunValidator(RunStore runs, PluginCatalog catalog, DataLayout layout) : ICommandValidator<EvaluateRunCommand>
{
    public IReadOnlyList<OptionError> Validate(EvaluateRunCommand command)
    {
        if (!Identifier.IsValid(command.RunId) || runs.Get(command.RunId) is not { } record)
        {
            return [new OptionError("run", $"no run '{command.RunId}' under {runs.Root}")];
        }
        if (record.Status == RunStatus.Cancelled)
        {
            return [new OptionError("run", $"run '{command.RunId}' was cancelled")];
        }
        if (command.IntoRun && (command.ConfigJson is not null || command.Step is not null || command.Output is not null))
        {
            return [new OptionError("intoRun", "a run's own results come from its own config at its latest checkpoint; leave out --config, --step and --out, or write elsewhere")];
        }
        if (command.IntoRun && command.Untrained)
        {
            return [new OptionError("untrained", "an untrained baseline is not the run's result; leave out --into-run")];
        }
        if (RunCheckpoints.Find(runs.DirectoryOf(command.RunId), command.Step) is { Error: { } missing })
        {
            return [missing];
        }
        return ExperimentChecks.Validate(command.ConfigJson ?? record.Config.GetRawText(), catalog, layout).Errors;
    }
}
