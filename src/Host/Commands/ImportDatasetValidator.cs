using ClipHost.Abstractions.Options;

namespace ClipHost.Host.Commands;

/// <summary>Known source, a path where the source needs one and that path present, a positive limit.</summary>
public sealed class ImportDatasetValidator : ICommandValidator<ImportDatasetCommand>
{
    public IReadOnlyList<OptionError> Validate(ImportDatasetCommand command)
    {
        var errors = new List<OptionError>();
        if (!ImportDatasetCommand.Sources.Contains(command.Source))
        {
            errors.Add(new OptionError("source", $"unknown source '{command.Source}'; one of {string.Join(", ", ImportDatasetCommand.Sources)}"));
        }
        else if (command.NeedsPath && string.IsNullOrWhiteSpace(command.Path))
        {
            errors.Add(new OptionError("path", $"source '{command.Source}' needs a path"));
        }
        else if (command.NeedsPath && !File.Exists(command.Path) && !Directory.Exists(command.Path))
        {
            errors.Add(new OptionError("path", $"{command.Path} does not exist"));
        }
        if (command.Limit is <= 0)
        {
            errors.Add(new OptionError("limit", "must be positive"));
        }
        if (command.Name is { } name && !Runs.RunStore.IsSafeId(name))
        {
            errors.Add(new OptionError("name", "letters, digits, '.', '_' and '-' only"));
        }
        return errors;
    }
}
