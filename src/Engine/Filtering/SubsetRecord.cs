namespace ClipHost.Engine.Filtering;

/// <summary>A filtered subset: ids over the source store (no copy of the images) and how they were chosen.</summary>
/// <param name="Name">The subset's name (or the run's, for a subset made by a training config).</param>
/// <param name="Store">The source store.</param>
/// <param name="StoreContentHash">The source store's content hash when the subset was made; a re-imported store no longer matches.</param>
/// <param name="Seed">Seed handed to filters with randomness.</param>
/// <param name="SourceCount">Samples in the store.</param>
/// <param name="Selection">Which samples were candidates before the first filter ("every sample", or a training config's selection).</param>
/// <param name="Ids">Kept ids, ascending.</param>
/// <param name="Lineage">Each filter in order.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record SubsetRecord(
    string Name,
    string Store,
    string StoreContentHash,
    long Seed,
    int SourceCount,
    string Selection,
    IReadOnlyList<int> Ids,
    IReadOnlyList<FilterLineage> Lineage,
    DateTimeOffset CreatedAt);
