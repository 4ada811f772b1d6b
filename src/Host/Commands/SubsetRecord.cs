namespace ClipHost.Host.Commands;

/// <summary>A filtered subset: ids over the source store (no copy of the images) and how they were chosen.</summary>
public sealed record SubsetRecord(
    string Name,
    string Store,
    string StoreContentHash,
    long Seed,
    int SourceCount,
    IReadOnlyList<int> Ids,
    IReadOnlyList<FilterLineage> Lineage,
    DateTimeOffset CreatedAt);

/// <summary>What one filter of the pipeline was and did.</summary>
public sealed record FilterLineage(string Id, string Version, string Plugin, System.Text.Json.JsonElement? Options, int In, int Kept, int Dropped);
