using System.Globalization;
using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>
/// Scores every candidate with the teacher (cached by the engine), then keeps the top k percent — ceil(k% of the
/// candidates), so any positive k keeps at least one pair and 100 keeps all; equal scores are ranked by ascending id,
/// so the cut is deterministic — or every pair scoring at least the threshold. With cross-fitted teachers the score
/// is <see cref="CrossFitScores"/>' rank.
/// </summary>
public sealed class ClipScoreFilter(ClipScoreOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        if (candidates.Count == 0)
        {
            // A quantile of nothing is undefined; an empty input means an earlier step or an empty store left nothing to rank.
            throw new InvalidOperationException($"clip-score: dataset '{dataset.Name}' has no candidates left to score (empty store, or the filters before this one dropped every pair)");
        }
        var (scores, teacherName, what) = options.Teachers is { } teachers
            ? (CrossFitScores.Compute(dataset, candidates, teachers, context, cancellationToken), $"cross-fit of {string.Join(", ", teachers)}", "cross-fitted clip score rank")
            : (SingleTeacher(dataset, candidates, context, cancellationToken), context.Teachers(options.Teacher!).ModelHash, "clip score");

        HashSet<int> keep;
        float cut;
        string rule;
        if (options.TopPercent is { } percent)
        {
            // The epsilon keeps a product that floating point lands just above an integer (k% of n) from taking one more.
            var count = Math.Min(candidates.Count, (int)Math.Ceiling(candidates.Count * percent / 100.0 - 1e-9));
            count = Math.Max(count, 1);
            var ranked = candidates.OrderByDescending(id => scores[id]).ThenBy(id => id).Take(count).ToList();
            keep = [.. ranked];
            cut = scores[ranked[^1]];
            rule = $"the {Format(percent)}% cut {Format(cut)}";
        }
        else
        {
            cut = (float)options.Threshold!.Value;
            keep = [.. candidates.Where(id => scores[id] >= cut)];
            rule = $"the threshold {Format(cut)}";
        }

        var kept = candidates.Where(keep.Contains).Order().ToList();
        var reasons = candidates.Where(id => !keep.Contains(id))
            .ToDictionary(id => id, id => $"{what} {Format(scores[id])} below {rule}");
        context.Logger.LogKept(dataset.Name, teacherName, kept.Count, candidates.Count, rule);
        return new FilterResult(kept, scores, reasons);
    }

    private Dictionary<int, float> SingleTeacher(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        var teacher = context.Teachers(options.Teacher!);
        if (teacher.TrainedOn(dataset) is { } seen && candidates.Count(seen.Contains) is > 0 and var overlap)
        {
            // Allowed (a teacher from elsewhere often has), but worth knowing: it ranks what it memorised first.
            context.Logger.LogTeacherSawCandidates(options.Teacher!, overlap, candidates.Count);
        }
        var raw = teacher.Score(dataset, candidates, cancellationToken);
        var scores = new Dictionary<int, float>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            scores[candidates[i]] = raw[i];
        }
        return scores;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
