using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Commands;

/// <summary>
/// The run exists, the checkpoint asked for exists, the format is one ClipHost writes, and the output folder does not
/// exist yet (an export never overwrites). Whether the model's towers have an equivalent in the format is the
/// handler's check: it needs the model built.
/// </summary>
public sealed class ExportRunValidator(RunStore runs) : ICommandValidator<ExportRunCommand>
{
    public IReadOnlyList<OptionError> Validate(ExportRunCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Identifier.IsValid(command.RunId) || runs.Get(command.RunId) is null)
        {
            return [new OptionError("run", $"no run '{command.RunId}' under {runs.Root}")];
        }
        if (command.Format != ExportRunCommand.OpenClip)
        {
            return [new OptionError("format", $"'{command.Format}' is not a format ClipHost writes (the formats are: {ExportRunCommand.OpenClip})")];
        }
        if (string.IsNullOrWhiteSpace(command.Output) || Directory.Exists(command.Output) || File.Exists(command.Output))
        {
            return [new OptionError("out", $"'{command.Output}' exists or is empty: give a new folder (an export never overwrites)")];
        }
        return RunCheckpoints.Find(runs.DirectoryOf(command.RunId), command.Step) is { Error: { } missing } ? [missing] : [];
    }
}
