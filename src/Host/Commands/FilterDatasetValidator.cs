using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using ClipHost.Host.Runs;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>The store exists and is not empty, every filter id is loaded, every filter's options are valid.</summary>
public sealed class FilterDatasetValidator(PluginCatalog catalog, IOptions<DataOptions> data) : ICommandValidator<FilterDatasetCommand>
{
    public IReadOnlyList<OptionError> Validate(FilterDatasetCommand command)
    {
        var errors = new List<OptionError>();
        var manifest = Path.Combine(data.Value.StoresRoot, command.Store, StoreFiles.Manifest);
        if (!RunStore.IsSafeId(command.Store) || !File.Exists(manifest))
        {
            errors.Add(new OptionError("store", $"no store '{command.Store}' under {data.Value.StoresRoot}"));
        }
        if (!RunStore.IsSafeId(command.Subset))
        {
            errors.Add(new OptionError("subset", "letters, digits, '.', '_' and '-' only"));
        }
        if (command.Filters.Count == 0)
        {
            errors.Add(new OptionError("filters", "give at least one filter"));
        }
        var snapshot = catalog.Current;
        for (var i = 0; i < command.Filters.Count; i++)
        {
            var step = command.Filters[i];
            if (!snapshot.Filters.TryGetValue(step.Id, out var factory))
            {
                errors.Add(new OptionError($"filters[{i}].id", $"unknown filter '{step.Id}'; loaded: {string.Join(", ", snapshot.Filters.Keys.Order(StringComparer.Ordinal))}"));
                continue;
            }
            errors.AddRange(factory.Validate(step.Options, $"filters[{i}].options"));
        }
        return errors;
    }
}
