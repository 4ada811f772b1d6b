using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Filtering;

/// <summary>A named subset to make of a whole store: the filters in order and the seed of those with randomness.</summary>
/// <param name="Store">The source store's name under the stores root.</param>
/// <param name="Subset">The subset's name under the subsets root.</param>
/// <param name="Filters">The pipeline, applied in order.</param>
/// <param name="Seed">Handed to filters with randomness (random subsets).</param>
public sealed record SubsetRequest(string Store, string Subset, IReadOnlyList<FilterStep> Filters, long Seed);
