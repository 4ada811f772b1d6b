using ClipHost.Engine.Filtering;

namespace ClipHost.Reports;

/// <summary>A written data report.</summary>
/// <param name="Index">The report's index.html.</param>
/// <param name="Subset">The subset it describes.</param>
/// <param name="StoreMatches">Whether the store still has the content hash the subset was made from.</param>
/// <param name="Warnings">What the page warns about (a re-imported store, decisions that disagree with the lineage).</param>
/// <param name="Steps">One line per filter step, as in the page's summary.</param>
public sealed record DataReportResult(string Index, SubsetRecord Subset, bool StoreMatches, IReadOnlyList<string> Warnings, IReadOnlyList<string> Steps);
