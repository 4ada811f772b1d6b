using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// Makes a named subset of a whole store: runs the pipeline with teachers behind the score cache and writes the subset
/// folder. The one implementation behind POST /api/filters (a Hangfire job) and `clip-host data filter`.
/// </summary>
public static class SubsetMaker
{
    public static SubsetRecord Make(DataLayout layout, SubsetRequest request, IComponentRegistry registry, Device device, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(request);
        using var store = ClipStore.Open(layout.Store(request.Store, "store"));
        var dir = layout.Subset(request.Subset, "subset");
        // Teachers load lazily, once per filtering, behind the score cache: a second cut of the same store scores nothing.
        using var teachers = new TeacherPool(layout.Runs, new ScoreCache(layout.Scores), registry, device);
        var context = new FilterContext(request.Seed, logger, teachers.Resolve, NoServices.Instance);
        IReadOnlyList<int> all = [.. Enumerable.Range(0, store.Count)];
        var steps = FilterPipeline.Run(store, all, request.Filters, registry, context, cancellationToken);
        var record = new SubsetRecord(request.Subset, request.Store, store.ContentHash, request.Seed, store.Count, "every sample",
            steps.Count == 0 ? all : steps[^1].Result.Kept, [.. steps.Select(s => s.Lineage)], DateTimeOffset.UtcNow);
        Directory.CreateDirectory(dir);
        SubsetFiles.Write(dir, record, steps);
        return record;
    }
}
