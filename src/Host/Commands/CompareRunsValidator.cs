using ClipHost.Engine.Paths;

namespace ClipHost.Host.Commands;

/// <summary>Every run named is an identifier with a folder under the runs root.</summary>
public sealed class CompareRunsValidator(DataLayout layout) : ICommandValidator<CompareRunsCommand>
{
    public IReadOnlyList<OptionError> Validate(CompareRunsCommand command)
    {
        if (command.Runs.Count == 0)
        {
            return [new OptionError("runs", "name at least one run")];
        }
        return [.. command.Runs.Select((run, i) => Identifier.Check(run, $"runs[{i}]")
            ?? (Directory.Exists(Path.Combine(layout.Runs, run)) ? null : new OptionError($"runs[{i}]", $"no run '{run}' under {layout.Runs}")))
            .OfType<OptionError>()];
    }
}
