using ClipHost.Engine.Filtering;
using ClipHost.Engine.Paths;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using ClipHost.Host.Torch;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>
/// Applies the filters in order with the plugin versions current when it starts, then writes the subset (atomically)
/// with its lineage and every filter's decision per candidate (<see cref="SubsetMaker"/>).
/// </summary>
public sealed class FilterDatasetHandler(PluginCatalog catalog, DataLayout layout, TorchRuntime torch, ILoggerFactory loggers)
    : ICommandHandler<FilterDatasetCommand, SubsetRecord>
{
    public ValueTask<SubsetRecord> Handle(FilterDatasetCommand command, CancellationToken cancellationToken)
    {
        using var lease = catalog.Acquire();
        return ValueTask.FromResult(SubsetMaker.Make(layout, new(command.Store, command.Subset, command.Filters, command.Seed), lease, torch.Device, loggers.CreateLogger("ClipHost.Filters"), cancellationToken));
    }
}
