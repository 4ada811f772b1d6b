using ClipHost.Engine.Paths;
using ClipHost.Host.Plugins;

namespace ClipHost.Host.Commands;

/// <summary>
/// A job's run must have a record, must not be cancelled, and its config must still be valid against the plugins
/// loaded now (one it needs may have been removed since it was queued).
/// </summary>
public sealed class RunExistsValidator(RunStore runs, PluginCatalog catalog, DataLayout layout)
    : ICommandValidator<TrainRunCommand>, ICommandValidator<CancelRunCommand>
{
    public IReadOnlyList<OptionError> Validate(TrainRunCommand command) => Check(command.RunId);

    public IReadOnlyList<OptionError> Validate(CancelRunCommand command) =>
        runs.Get(command.RunId) switch
        {
            null => [new OptionError("runId", $"no run '{command.RunId}'")],
            { Finished: true } r => [new OptionError("runId", $"run '{command.RunId}' already ended ({r.Status})")],
            _ => [],
        };

    private IReadOnlyList<OptionError> Check(string runId)
    {
        var record = runs.Get(runId);
        if (record is null)
        {
            return [new OptionError("runId", $"no run '{runId}' under {runs.Root}")];
        }
        if (record.Status == RunStatus.Cancelled)
        {
            return [new OptionError("runId", $"run '{runId}' was cancelled")];
        }
        return ExperimentChecks.Validate(record.Config.GetRawText(), catalog, layout).Errors;
    }
}
