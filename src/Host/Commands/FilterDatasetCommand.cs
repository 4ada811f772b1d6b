using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;

namespace ClipHost.Host.Commands;

/// <summary>Run a pipeline of data filters over a store and write the kept ids, with lineage, as a named subset.</summary>
/// <param name="Store">The store to filter.</param>
/// <param name="Subset">Name of the subset to write (data/subsets/&lt;name&gt;/subset.json).</param>
/// <param name="Filters">Applied in order, each to what the previous one kept.</param>
/// <param name="Seed">Seed for filters with randomness.</param>
public sealed record FilterDatasetCommand(string Store, string Subset, IReadOnlyList<FilterStep> Filters, long Seed = 0) : ICommand<SubsetRecord>;
