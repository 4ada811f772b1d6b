using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Image-text retrieval where queries and candidates match when they share a key: identical captions (an emoji's
/// caption in each of its styles) are one text that is correct for all those images, not competing duplicates.
/// Named as CLIP_benchmark does: text_retrieval = image→text, image_retrieval = text→image.
/// </summary>
public static class Retrieval
{
    public static readonly int[] Ks = [1, 5, 10];

    public static Dictionary<string, double> Score(Tensor images, IReadOnlyList<string> imageGroups, Tensor texts, IReadOnlyList<string> textGroups)
    {
        using var scope = NewDisposeScope();
        var similarity = images.matmul(texts.t());
        var textsOf = Positives(imageGroups, textGroups);
        var imagesOf = Positives(textGroups, imageGroups);
        var result = new Dictionary<string, double>();
        foreach (var k in Ks)
        {
            result[$"text_retrieval_recall@{k}"] = Metrics.RecallAtK(similarity, textsOf, k);
            result[$"image_retrieval_recall@{k}"] = Metrics.RecallAtK(similarity.t(), imagesOf, k);
        }
        return result;
    }

    /// <summary>Chance level of recall@k when each query has the given positives among the candidates.</summary>
    public static double Chance(IReadOnlyList<string> queryGroups, IReadOnlyList<string> candidateGroups, int k)
    {
        var counts = candidateGroups.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var n = candidateGroups.Count;
        return queryGroups.Average(g =>
        {
            var p = counts.GetValueOrDefault(g);
            // 1 - P(no positive among k draws without replacement)
            var miss = 1.0;
            for (var i = 0; i < Math.Min(k, n); i++)
            {
                miss *= (double)(n - p - i) / (n - i);
            }
            return 1 - Math.Max(miss, 0);
        });
    }

    private static List<IReadOnlySet<int>> Positives(IReadOnlyList<string> queries, IReadOnlyList<string> candidates)
    {
        var byGroup = candidates.Select((g, i) => (g, i)).GroupBy(p => p.g).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(p => p.i).ToHashSet());
        return queries.Select(g => byGroup.GetValueOrDefault(g) ?? new HashSet<int>()).ToList();
    }
}
