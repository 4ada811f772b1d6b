using ClipHost.Engine.Filtering;

namespace ClipHost.Reports;

/// <summary>One side of a scoring filter's cut, with the pairs on either side of it.</summary>
/// <param name="Side">"lower" when the filter kept what scores at least the cut, "upper" when it kept what scores at most.</param>
/// <param name="Value">The cut: the threshold the options name when it separates the two, else the lowest (upper: highest) kept score.</param>
/// <param name="Dropped">Pairs dropped on this side.</param>
/// <param name="KeptNearest">Kept pairs nearest the cut, nearest first (the lowest-scoring kept, for a lower cut).</param>
/// <param name="DroppedNearest">Dropped pairs nearest the cut, nearest first (the highest-scoring dropped, for a lower cut).</param>
/// <param name="DroppedFarthest">Dropped pairs farthest from the cut, farthest first: the most confidently dropped.</param>
public sealed record DataReportCut(
    string Side,
    float Value,
    int Dropped,
    IReadOnlyList<FilterDecision> KeptNearest,
    IReadOnlyList<FilterDecision> DroppedNearest,
    IReadOnlyList<FilterDecision> DroppedFarthest)
{
    public const string Lower = "lower";
    public const string Upper = "upper";
}
