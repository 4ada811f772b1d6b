using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>Real subsets for the report tests: real filters through the engine's pipeline, written as the host writes them.</summary>
public static class ReportSubsets
{
    public static FilterStep Step(string id, string options) => new(id, JsonDocument.Parse(options).RootElement.Clone());

    public static (SubsetRecord Record, IReadOnlyList<FilterStepResult> Steps) Write(
        ClipStore store, string folder, string name, IReadOnlyList<int> candidates, IReadOnlyList<FilterStep> filters, IPairScorer? teacher = null, long seed = 0)
    {
        var context = new FilterContext(seed, NullLogger.Instance, _ => teacher ?? throw new InvalidOperationException("no teacher"), NoServices.Instance);
        var steps = FilterPipeline.Run(store, candidates, filters, StaticRegistry.Instance, context, TestContext.Current.CancellationToken);
        var record = new SubsetRecord(name, store.Name, store.ContentHash, seed, store.Count, candidates.Count == store.Count ? "every sample" : $"{candidates.Count} of {store.Count}",
            steps.Count == 0 ? candidates : steps[^1].Result.Kept, [.. steps.Select(s => s.Lineage)], DateTimeOffset.UtcNow);
        Directory.CreateDirectory(folder);
        SubsetFiles.Write(folder, record, steps);
        return (record, steps);
    }
}
