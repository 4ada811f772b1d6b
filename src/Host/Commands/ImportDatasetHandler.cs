using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Host.Options;
using Mediator;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>Builds the source and runs the importer with the configured Data defaults.</summary>
public sealed class ImportDatasetHandler(DatasetImporter importer, IDataPackages installer, IOptions<DataOptions> data, ClipHost.Engine.Paths.DataLayout layout) : ICommandHandler<ImportDatasetCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportDatasetCommand command, CancellationToken cancellationToken)
    {
        IImportSource source = command.PathSource() ?? command.Source switch
        {
            "emoji" => new EmojiSource(installer, EmojiSource.AllStyles, skinTones: true),
            "openclipart" => new OpenClipArtSource(installer),
            _ => new FashionMnistSource(installer),
        };
        var d = data.Value;
        var options = new ImportOptions
        {
            StoresRoot = layout.Stores,
            Name = command.Name,
            Resolution = d.Resolution,
            Seed = d.Seed,
            ValFraction = d.ValFraction,
            TestFraction = d.TestFraction,
            MaxPixels = d.MaxPixels,
            Limit = command.Limit,
            Replace = command.Replace,
        };
        try
        {
            return await importer.ImportAsync(source, options, null, cancellationToken).ConfigureAwait(false);
        }
        catch (PackageMissingException e)
        {
            throw new OptionsValidationFailedException([new OptionError("source",
                $"{e.Message}; the service never installs software: install it from a shell on this host with `clip-host data import {command.Source}` (or bash scripts/setup.sh), then ask again")]);
        }
    }
}
