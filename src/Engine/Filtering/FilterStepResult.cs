using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Filtering;

/// <summary>One filter's run inside a pipeline: the candidates it saw and what it decided.</summary>
public sealed record FilterStepResult(FilterStep Step, FilterLineage Lineage, IReadOnlyList<int> Candidates, FilterResult Result)
{
    /// <summary>A decision per candidate, in id order.</summary>
    public IEnumerable<FilterDecision> Decisions()
    {
        var kept = Result.Kept.ToHashSet();
        foreach (var id in Candidates)
        {
            float? score = Result.Scores is { } s && s.TryGetValue(id, out var v) ? v : null;
            string? reason = Result.DropReasons is { } r && r.TryGetValue(id, out var why) ? why : null;
            yield return new FilterDecision(id, kept.Contains(id), score, reason);
        }
    }
}
