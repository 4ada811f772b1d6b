namespace ClipHost.Abstractions.DataFilters;

/// <summary>A built filter: selects a subset of the candidate samples of a dataset.</summary>
public interface IDataFilter
{
    /// <summary>Decides which candidates to keep.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="candidates">Ids still in the subset after the filters before this one, ascending.</param>
    /// <param name="context">Seed, logger, teachers and engine services.</param>
    /// <param name="cancellationToken">Stops long filters.</param>
    /// <returns>The kept ids with scores and reasons.</returns>
    FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken);
}
