using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// The linear probe (CLIP_benchmark's linear_probe): the L2 strength chosen on the validation split, the probe refitted
/// on train + validation with it and scored on the test split: top-1, top-5 and mean per-class recall.
/// </summary>
public static class ProbeTask
{
    public const string Name = "linear_probe";

    public static EvalResult Run(ImageFeatures model, ClipStore store, EvaluationConfig evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        using var inputs = ProbeInputs.Of(model, store, evaluation);
        var splits = inputs.Splits;
        var (l2, _) = L2Search.Choose(inputs.Train, splits.Train.Labels, inputs.Val, splits.Val.Labels, splits.Classes, cancellationToken);
        using var both = cat([inputs.Train, inputs.Val], 0);
        using var probe = LinearProbe.Fit(both, [.. splits.Train.Labels, .. splits.Val.Labels], splits.Classes, l2);
        using var logits = probe.Logits(inputs.Test);
        return Result(Name, Metrics.Classification(logits, splits.Test.Labels), ClassificationChance.Of(splits.Classes), splits, new Dictionary<string, double> { ["l2"] = l2 });
    }

    /// <summary>A probe task's result; dataset, model and selection are filled in by the evaluator.</summary>
    public static EvalResult Result(string task, IReadOnlyDictionary<string, double> metrics, IReadOnlyDictionary<string, double> chance, ProbeSplits splits, IReadOnlyDictionary<string, double> hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(splits);
        return new EvalResult
        {
            Dataset = string.Empty,
            Model = string.Empty,
            Pretrained = string.Empty,
            Selection = string.Empty,
            Task = task,
            Metrics = metrics,
            Chance = chance,
            Samples = splits.Test.Ids.Length,
            Classes = splits.Classes,
            Hyperparameters = hyperparameters,
            SplitSizes = new Dictionary<string, int> { ["train"] = splits.Train.Ids.Length, ["val"] = splits.Val.Ids.Length, ["test"] = splits.Test.Ids.Length },
        };
    }
}
