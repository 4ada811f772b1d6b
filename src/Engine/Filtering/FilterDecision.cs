namespace ClipHost.Engine.Filtering;

/// <summary>One line of a subset's steps/NN-&lt;id&gt;.jsonl: what one filter decided about one candidate, for reports.</summary>
/// <param name="Id">Sample id.</param>
/// <param name="Kept">Whether the filter kept it.</param>
/// <param name="Score">The filter's score, when it ranks.</param>
/// <param name="Reason">Why it was dropped, when the filter says.</param>
public sealed record FilterDecision(int Id, bool Kept, float? Score, string? Reason);
