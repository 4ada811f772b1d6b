using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using ClipHost.Host.Torch;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>
/// Applies the filters in order with the plugin versions current when it starts, then writes the subset (atomically)
/// with its lineage: the store's content hash, each filter's id, version, options and counts, and every filter's
/// decision per candidate for `clip-host data report`.
/// </summary>
public sealed class FilterDatasetHandler(PluginCatalog catalog, IOptions<DataOptions> data, IOptions<RunsOptions> runs, TorchRuntime torch, TimeProvider clock, ILoggerFactory loggers)
    : ICommandHandler<FilterDatasetCommand, SubsetRecord>
{
    public ValueTask<SubsetRecord> Handle(FilterDatasetCommand command, CancellationToken cancellationToken)
    {
        using var lease = catalog.Acquire();
        using var store = ClipStore.Open(Path.Combine(data.Value.StoresRoot, command.Store));
        // Teachers load lazily, once per filtering, behind the score cache: a second cut of the same store scores nothing.
        using var teachers = new TeacherPool(runs.Value.FullPath, new ScoreCache(data.Value.ScoresRoot), lease, torch.Device);
        var context = new FilterContext(command.Seed, loggers.CreateLogger("ClipHost.Filters"), teachers.Resolve, NoServices.Instance);
        var steps = FilterPipeline.Run(store, [.. Enumerable.Range(0, store.Count)], command.Filters, lease, context, cancellationToken);
        var record = new SubsetRecord(command.Subset, command.Store, store.ContentHash, command.Seed, store.Count, "every sample",
            steps.Count == 0 ? [.. Enumerable.Range(0, store.Count)] : steps[^1].Result.Kept, [.. steps.Select(s => s.Lineage)], clock.GetUtcNow());
        var dir = Path.Combine(data.Value.SubsetsRoot, command.Subset);
        Directory.CreateDirectory(dir);
        SubsetFiles.Write(dir, record, steps);
        return ValueTask.FromResult(record);
    }
}
