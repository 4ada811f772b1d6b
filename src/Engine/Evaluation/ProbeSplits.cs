using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Evaluation;

/// <summary>A probe's samples of one split: store ids and their class indices in the label set.</summary>
public sealed record ProbeSplit(int[] Ids, long[] Labels);

/// <summary>
/// The probe's train, validation and test samples: the evaluation's selection within each of the probe's splits, only
/// samples carrying the label set, each cut to its limit by a seeded subset. Without a validation split, a seeded share
/// of the train samples is held out for the L2 search.
/// </summary>
public sealed record ProbeSplits(ProbeSplit Train, ProbeSplit Val, ProbeSplit Test, int Classes)
{
    public static ProbeSplits Of(ClipStore store, EvaluationConfig evaluation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(evaluation);
        var probe = evaluation.Probe;
        var set = evaluation.Labels!;
        var train = Evaluator.Subset(Labelled(store, evaluation, probe.Train), probe.TrainLimit);
        int[] val;
        if (probe.Val is { } split)
        {
            val = Evaluator.Subset(Labelled(store, evaluation, split), probe.ValLimit);
        }
        else
        {
            var shuffled = (int[])train.Clone();
            new Random(probe.Seed).Shuffle(shuffled);
            var held = Math.Max(1, (int)Math.Round(shuffled.Length * probe.ValFraction));
            val = [.. shuffled.Take(held).Order()];
            train = [.. shuffled.Skip(held).Order()];
        }
        var test = Evaluator.Subset(Labelled(store, evaluation, probe.Test), evaluation.Limit);
        return new(Of(store, set, train), Of(store, set, val), Of(store, set, test), store.Manifest.LabelSets[set].Count);
    }

    /// <summary>The evaluation's selection within one split, only samples that carry the label set.</summary>
    public static int[] Labelled(ClipStore store, EvaluationConfig evaluation, string split)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(evaluation);
        return [.. (evaluation.Samples with { Split = split }).Select(store).Where(i => store.Samples[i].Labels.ContainsKey(evaluation.Labels!))];
    }

    private static ProbeSplit Of(ClipStore store, string set, int[] ids) =>
        new(ids, [.. ids.Select(i => (long)store.LabelIndex(set, store.Samples[i].Labels[set]))]);
}
