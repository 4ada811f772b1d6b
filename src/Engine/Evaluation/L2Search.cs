using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Chooses a probe's L2 strength on a validation split as CLIP_benchmark and OpenAI's CLIP do, at a smaller scale: a
/// log grid of whole decades from 1e-6 to 1e2, then two refinements (half, then quarter decades) around the best. Best
/// is the highest validation top-1; ties go to the lower validation cross-entropy, then to the stronger penalty. The grid
/// runs from the strongest penalty down, each fit starting from the nearest strength's solution (a regularisation path,
/// as glmnet and scikit-learn's warm_start do), so the weakly penalised fits start close to their optimum.
/// </summary>
public static class L2Search
{
    public const int LowestExponent = -6;
    public const int HighestExponent = 2;

    /// <summary>The chosen strength and every strength tried with its validation top-1.</summary>
    public static (double L2, IReadOnlyDictionary<double, double> Tried) Choose(
        Tensor trainFeatures, long[] trainLabels, Tensor valFeatures, long[] valLabels, int classes, CancellationToken cancellationToken = default)
    {
        var scores = new Dictionary<double, (double Acc, double Loss)>();
        var solutions = new Dictionary<double, IReadOnlyList<double>>();
        (double Acc, double Loss) Score(double exponent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!scores.TryGetValue(exponent, out var s))
            {
                var nearest = solutions.Keys.OrderBy(e => Math.Abs(e - exponent)).ThenByDescending(e => e).Cast<double?>().FirstOrDefault();
                using var probe = LinearProbe.Fit(trainFeatures, trainLabels, classes, Math.Pow(10, exponent), nearest is { } n ? solutions[n] : null);
                solutions[exponent] = probe.Theta;
                using var logits = probe.Logits(valFeatures);
                s = (Metrics.TopK(logits, valLabels, 1), probe.Loss(valFeatures, valLabels));
                scores[exponent] = s;
            }
            return s;
        }
        var best = Best(Enumerable.Range(LowestExponent, HighestExponent - LowestExponent + 1).Reverse().Select(e => (double)e), Score);
        foreach (var step in new[] { 0.5, 0.25 })
        {
            best = Best([best - step, best, best + step], Score);
        }
        return (Math.Pow(10, best), scores.ToDictionary(kv => Math.Pow(10, kv.Key), kv => kv.Value.Acc));
    }

    private static double Best(IEnumerable<double> exponents, Func<double, (double Acc, double Loss)> score) =>
        exponents.Select(e => (Exponent: e, Score: score(e)))
            .OrderByDescending(x => x.Score.Acc)
            .ThenBy(x => x.Score.Loss)
            .ThenByDescending(x => x.Exponent)
            .First().Exponent;
}
