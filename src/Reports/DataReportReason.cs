using ClipHost.Engine.Filtering;

namespace ClipHost.Reports;

/// <summary>Drop reasons that differ only in their numbers, counted together.</summary>
/// <param name="Pattern">The reason with every number replaced by #.</param>
/// <param name="Count">Pairs dropped for it.</param>
/// <param name="Example">One reason as the filter wrote it.</param>
/// <param name="Examples">A seeded sample of the pairs, in id order (only for steps without a score cut).</param>
public sealed record DataReportReason(string Pattern, int Count, string Example, IReadOnlyList<FilterDecision> Examples);
