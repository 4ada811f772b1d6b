using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Commands;

/// <summary>
/// Known source, known emoji styles (never the reserved one), a path where the source needs one and present, a positive limit, and a store name that is an
/// identifier: the one given, or the one the source would take from its file or folder ("...csv" would name "..").
/// Where a request may read from (Data:ImportRoot) is the API's rule, checked there; the CLI reads wherever its user can.
/// </summary>
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
        foreach (var style in command.Styles ?? [])
        {
            if (EmojiStyle.Refusal(style) is { } refusal)
            {
                errors.Add(new OptionError("styles", refusal));
            }
        }
        if (command.Limit is <= 0)
        {
            errors.Add(new OptionError("limit", "must be positive"));
        }
        // Before the job is queued: the importer would refuse the same name, but only after a 202.
        var source = errors.Count == 0 && command.NeedsPath ? ImportSources.FromPath(command) : null;
        var nameError = command.Name is not null ? Identifier.Check(command.Name, "name") : source is null ? null : StoreName.Of(source, null, "name").Error;
        if (nameError is not null)
        {
            errors.Add(nameError);
        }
        return errors;
    }
}
