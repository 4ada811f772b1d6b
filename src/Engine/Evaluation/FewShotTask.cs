using System.Globalization;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Few-shot linear probes: for each k, the probe fitted on k examples per class of the train split
/// (<see cref="FewShotDraw"/>), its L2 strength chosen on the validation split, scored on the test split; repeated over
/// seeded draws and reported as the mean ("5-shot_acc1") and sample standard deviation ("5-shot_acc1_std") over draws.
/// </summary>
public static class FewShotTask
{
    public static EvalResult Run(ImageFeatures model, ClipStore store, EvaluationConfig evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var probe = evaluation.Probe;
        using var inputs = ProbeInputs.Of(model, store, evaluation);
        var (splits, train, val, test) = (inputs.Splits, inputs.Train, inputs.Val, inputs.Test);
        var metrics = new Dictionary<string, double>();
        var chance = new Dictionary<string, double>();
        var hyperparameters = new Dictionary<string, double>();
        foreach (var k in probe.Shots)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{k}-shot_");
            var draws = new List<Dictionary<string, double>>();
            var strengths = new List<double>();
            for (var d = 0; d < probe.Draws; d++)
            {
                var picked = FewShotDraw.Draw(splits.Train.Labels, k, probe.Seed + d);
                using var shots = train.index_select(0, tensor(picked.Select(i => (long)i).ToArray()));
                long[] labels = [.. picked.Select(i => splits.Train.Labels[i])];
                var (l2, _) = L2Search.Choose(shots, labels, val, splits.Val.Labels, splits.Classes, cancellationToken);
                using var fitted = LinearProbe.Fit(shots, labels, splits.Classes, l2);
                using var logits = fitted.Logits(test);
                draws.Add(Metrics.Classification(logits, splits.Test.Labels));
                strengths.Add(l2);
            }
            foreach (var key in draws[0].Keys)
            {
                var values = draws.Select(m => m[key]).ToList();
                metrics[prefix + key] = values.Average();
                metrics[prefix + key + "_std"] = StandardDeviation(values);
            }
            foreach (var (key, value) in ClassificationChance.Of(splits.Classes, prefix))
            {
                chance[key] = value;
            }
            hyperparameters[prefix + "l2_median"] = strengths.Order().ElementAt(strengths.Count / 2);
        }
        return ProbeTask.Result(Name, metrics, chance, splits, hyperparameters);
    }

    /// <summary>The sample standard deviation (n - 1); zero for a single draw.</summary>
    private static double StandardDeviation(List<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>The task's name in configs and results.</summary>
    public const string Name = "few_shot";
}
