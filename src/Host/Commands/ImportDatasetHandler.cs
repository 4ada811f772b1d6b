using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Paths;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>Builds the source and runs the importer, the command's values over the configured Data defaults.</summary>
public sealed class ImportDatasetHandler(DatasetImporter importer, IDataPackages installer, PackagePolicy packages, IOptions<DataOptions> data, DataLayout layout) : ICommandHandler<ImportDatasetCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportDatasetCommand command, CancellationToken cancellationToken)
    {
        var d = data.Value;
        var options = new ImportOptions
        {
            StoresRoot = layout.Stores,
            Name = command.Name,
            Resolution = command.Resolution ?? d.Resolution,
            Fit = command.Fit,
            Seed = command.Seed ?? d.Seed,
            ValFraction = command.ValFraction ?? d.ValFraction,
            TestFraction = command.TestFraction ?? d.TestFraction,
            MaxPixels = command.MaxPixels ?? d.MaxPixels,
            Limit = command.Limit,
            Replace = command.Replace,
        };
        try
        {
            return await importer.ImportAsync(ImportSources.Create(command, installer), options, command.Progress, cancellationToken).ConfigureAwait(false);
        }
        catch (PackageMissingException e) when (!packages.Installs)
        {
            throw new OptionsValidationFailedException([new OptionError("source",
                $"{e.Message}; the service never installs software: install it from a shell on this host with `clip-host data import {command.Source}` (or bash scripts/setup.sh), then ask again")]);
        }
    }
}
