using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>Classification and retrieval metrics over score matrices, as CLIP_benchmark defines them.</summary>
public static class Metrics
{
    /// <summary>Fraction of rows whose true class is among the k highest scores. scores [N, C], labels [N].</summary>
    public static double TopK(Tensor scores, long[] labels, int k)
    {
        using var scope = NewDisposeScope();
        k = Math.Min(k, (int)scores.shape[1]);
        var top = scores.topk(k, dim: 1).indexes;
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
        var predicted = scores.argmax(1).data<long>().ToArray();
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
        var top = similarity.topk(k, dim: 1).indexes.data<long>().ToArray();
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
