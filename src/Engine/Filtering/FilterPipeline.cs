using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// Applies filters in order, each to what the one before kept, and records each one's lineage and decisions. The one
/// place filters run, for a subset asked of the service and for a training config that declares its data filters.
/// </summary>
public static class FilterPipeline
{
    public static IReadOnlyList<FilterStepResult> Run(
        IDatasetView dataset, IReadOnlyList<int> candidates, IReadOnlyList<FilterStep> steps, IComponentRegistry registry, FilterContext context, CancellationToken cancellationToken)
    {
        var results = new List<FilterStepResult>(steps.Count);
        var planted = candidates.Where(id => dataset.GetSample(id).Metadata.ContainsKey(PlantedNoise.MetaKey)).ToHashSet();
        for (var i = 0; i < steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = steps[i];
            var factory = registry.FindFilter(step.Id)
                ?? throw new InvalidOperationException($"filters[{i}].id: filter '{step.Id}' is no longer loaded; loaded: {string.Join(", ", registry.FilterIds.Order(StringComparer.Ordinal))}");
            var result = factory.Create(step.Options).Apply(dataset, candidates, context, cancellationToken);
            // A filter may only narrow: an id it invents or repeats would silently change what was trained on.
            var allowed = candidates.ToHashSet();
            if (result.Kept.Any(id => !allowed.Contains(id)) || result.Kept.Distinct().Count() != result.Kept.Count)
            {
                throw new InvalidOperationException($"filters[{i}] ('{step.Id}') kept ids that were not among its candidates, or kept one twice");
            }
            IReadOnlyList<int> kept = [.. result.Kept.Order()];
            var lineage = new FilterLineage(factory.Id, factory.Version.ToString(), registry.ProviderOf(factory), step.Options, candidates.Count, kept.Count, candidates.Count - kept.Count)
            {
                Planted = planted.Count == 0 ? null : PlantedIn(planted, candidates, kept),
            };
            results.Add(new FilterStepResult(step, lineage, candidates, result with { Kept = kept }));
            candidates = kept;
        }
        return results;
    }

    private static PlantedCount PlantedIn(HashSet<int> planted, IReadOnlyList<int> candidates, IReadOnlyList<int> kept)
    {
        var keptSet = kept.ToHashSet();
        var plantedIn = candidates.Where(planted.Contains).ToList();
        return new PlantedCount(plantedIn.Count, plantedIn.Count(id => !keptSet.Contains(id)), candidates.Count - kept.Count);
    }
}
