using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// What a probe task fits and scores: its splits and their features [N, D], from the checkpoint's (cached) image
/// embeddings or, with probe.features "pixels", from the raw pixels.
/// </summary>
public sealed class ProbeInputs(ProbeSplits splits, Tensor train, Tensor val, Tensor test) : IDisposable
{
    public ProbeSplits Splits { get; } = splits;

    public Tensor Train { get; } = train;

    public Tensor Val { get; } = val;

    public Tensor Test { get; } = test;

    public static ProbeInputs Of(ImageFeatures model, ClipStore store, EvaluationConfig evaluation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(evaluation);
        var probe = evaluation.Probe;
        var splits = ProbeSplits.Of(store, evaluation);
        Func<int[], Tensor> features = probe.Features == "pixels" ? ids => PixelFeatures.Of(store, ids, probe.PixelSize) : ids => model.Of(store, ids);
        return new(splits, features(splits.Train.Ids), features(splits.Val.Ids), features(splits.Test.Ids));
    }

    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
        Test.Dispose();
    }
}
