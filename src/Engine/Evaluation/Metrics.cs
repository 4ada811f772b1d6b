using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Classification and retrieval metrics over score matrices, as CLIP_benchmark defines them, except that exact ties are
/// broken by the lower index (as argmax breaks them): topk leaves the order of equal scores to the CPU kernel, and a small
/// model gives many exact ties (class names its vocabulary does not know tokenize alike), so the same weights scored
/// a few tenths of a point apart from one evaluation to the next.
/// </summary>
public static class Metrics
{
    /// <summary>The indices of the k highest scores of each row, equal scores in index order. scores [N, C].</summary>
    public static Tensor Top(Tensor scores, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        using var scope = NewDisposeScope();
        var (_, indices) = scores.sort(dim: 1, descending: true, stable: true);
        return scope.MoveToOuter(indices.narrow(1, 0, k));
    }

    /// <summary>Fraction of rows whose true class is among the k highest scores. scores [N, C], labels [N].</summary>
    public static double TopK(Tensor scores, long[] labels, int k)
    {
        using var scope = NewDisposeScope();
        k = Math.Min(k, (int)scores.shape[1]);
        var top = Top(scores, k);
        var hits = top.eq(tensor(labels).unsqueeze(1)).any(1);
        return hits.to_type(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>top-1, top-5 and mean per-class recall of class scores [N, C], keys prefixed (e.g. "5-shot_").</summary>
    public static Dictionary<string, double> Classification(Tensor scores, long[] labels, string prefix = "") => new()
    {
        [$"{prefix}acc1"] = TopK(scores, labels, 1),
        [$"{prefix}acc5"] = TopK(scores, labels, 5),
        [$"{prefix}mean_per_class_recall"] = MeanPerClassRecall(scores, labels),
    };

    /// <summary>Mean over the classes present in <paramref name="labels"/> of each class's top-1 recall.</summary>
    public static double MeanPerClassRecall(Tensor scores, long[] labels)
    {
        using var best = Top(scores, 1);
        var predicted = best.data<long>().ToArray();
        return labels.Distinct().Average(c =>
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToList();
            return rows.Count(i => predicted[i] == c) / (double)rows.Count;
        });
    }

    /// <summary>
    /// Fraction of queries with at least one positive among their k best-scored candidates.
    /// similarity [Q, D]; positive[q] is the set of candidate indices that count as correct for query q.
    /// </summary>
    public static double RecallAtK(Tensor similarity, IReadOnlyList<IReadOnlySet<int>> positive, int k)
    {
        using var scope = NewDisposeScope();
        k = Math.Min(k, (int)similarity.shape[1]);
        var top = Top(similarity, k).data<long>().ToArray();
        var hits = 0;
        for (var q = 0; q < positive.Count; q++)
        {
            for (var j = 0; j < k; j++)
            {
                if (positive[q].Contains((int)top[(q * k) + j]))
                {
                    hits++;
                    break;
                }
            }
        }
        return hits / (double)positive.Count;
    }
}
