using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Runs a filter as the host does (options JSON, a context, every id a candidate) and checks the result's contract.</summary>
public static class FilterHarness
{
    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static FilterContext Context(long seed = 0) =>
        new(seed, NullLogger.Instance, _ => throw new InvalidOperationException("model-free filters ask for no teacher"), NoServices.Instance);

    public static IReadOnlyList<int> All(IDatasetView dataset) => [.. Enumerable.Range(0, dataset.Count)];

    public static FilterResult Apply(IDataFilterFactory factory, string options, IDatasetView dataset, IReadOnlyList<int>? candidates = null, long seed = 0, bool scored = true)
    {
        var ids = candidates ?? All(dataset);
        var result = factory.Create(Json(options)).Apply(dataset, ids, Context(seed), TestContext.Current.CancellationToken);
        AssertContract(result, ids, scored);
        return result;
    }

    /// <summary>
    /// Kept ascending and drawn from the candidates, a score for every candidate (unless the filter does not rank, as a
    /// random subset), a reason for exactly the dropped ones.
    /// </summary>
    public static void AssertContract(FilterResult result, IReadOnlyList<int> candidates, bool scored = true)
    {
        Assert.Equal(result.Kept.Order(), result.Kept);
        Assert.Equal(result.Kept.Count, result.Kept.Distinct().Count());
        Assert.Subset(candidates.ToHashSet(), result.Kept.ToHashSet());
        if (scored)
        {
            Assert.NotNull(result.Scores);
            Assert.Equal(candidates.Order(), result.Scores.Keys.Order());
        }
        Assert.NotNull(result.DropReasons);
        Assert.Equal(candidates.Except(result.Kept).Order(), result.DropReasons.Keys.Order());
        Assert.All(result.DropReasons.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }
}
