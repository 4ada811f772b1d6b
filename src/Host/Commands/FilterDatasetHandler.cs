using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using ClipHost.Host.Runs;
using ClipHost.Host.Torch;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>
/// Applies the filters in order with the plugin versions current when it starts, then writes the subset (atomically)
/// with its lineage: the store's content hash, each filter's id, version, options and counts.
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
        IReadOnlyList<int> candidates = [.. Enumerable.Range(0, store.Count)];
        var lineage = new List<FilterLineage>();
        foreach (var step in command.Filters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var factory = lease.FindFilter(step.Id)!;
            var result = factory.Create(step.Options).Apply(store, candidates, context, cancellationToken);
            var plugin = lease.Snapshot.Plugins.First(p => p.Filters.Contains(factory));
            lineage.Add(new FilterLineage(factory.Id, factory.Version.ToString(), $"{plugin.Name} {plugin.Version}", step.Options, candidates.Count, result.Kept.Count, candidates.Count - result.Kept.Count));
            candidates = result.Kept;
        }
        var record = new SubsetRecord(command.Subset, command.Store, store.ContentHash, command.Seed, store.Count, candidates, lineage, clock.GetUtcNow());
        var dir = Path.Combine(data.Value.SubsetsRoot, command.Subset);
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".subset.json.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(record, RunStore.SerializerOptions));
        File.Move(temp, Path.Combine(dir, "subset.json"), overwrite: true);
        return ValueTask.FromResult(record);
    }
}
