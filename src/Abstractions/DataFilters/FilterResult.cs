namespace ClipHost.Abstractions.DataFilters;

/// <summary>What a filter decided over its candidates.</summary>
/// <param name="Kept">Ids kept, in ascending order.</param>
/// <param name="Scores">A score per candidate id when the filter ranks (CLIP score, caption length), else null; used for reports.</param>
/// <param name="DropReasons">Why each dropped id was dropped, when the filter can say; used for reports.</param>
public sealed record FilterResult(
    IReadOnlyList<int> Kept,
    IReadOnlyDictionary<int, float>? Scores = null,
    IReadOnlyDictionary<int, string>? DropReasons = null);
