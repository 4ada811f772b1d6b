using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Paths;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>The store exists and is not empty and the pipeline is valid (<see cref="FilterStepsValidator"/>).</summary>
public sealed class FilterDatasetValidator(PluginCatalog catalog, DataLayout layout) : ICommandValidator<FilterDatasetCommand>
{
    public IReadOnlyList<OptionError> Validate(FilterDatasetCommand command)
    {
        var errors = new List<OptionError>();
        var manifest = Identifier.IsValid(command.Store) ? Path.Combine(layout.Stores, command.Store, StoreFiles.Manifest) : null;
        if (manifest is null)
        {
            errors.Add(Identifier.Check(command.Store, "store")!);
        }
        else if (!File.Exists(manifest))
        {
            errors.Add(new OptionError("store", $"no store '{command.Store}' under {layout.Stores}"));
        }
        else if (JsonSerializer.Deserialize<StoreManifest>(File.ReadAllText(manifest), StoreFiles.Json) is { Count: 0 })
        {
            // Nothing to rank: a quantile or a subset of an empty store is meaningless, so say so before queueing.
            errors.Add(new OptionError("store", $"store '{command.Store}' is empty: there is nothing to filter"));
        }
        if (Identifier.Check(command.Subset, "subset") is { } badSubset)
        {
            errors.Add(badSubset);
        }
        if (command.Filters.Count == 0)
        {
            errors.Add(new OptionError("filters", "give at least one filter"));
        }
        errors.AddRange(FilterStepsValidator.Validate(command.Filters, catalog, layout.Runs, "filters"));
        return errors;
    }
}
