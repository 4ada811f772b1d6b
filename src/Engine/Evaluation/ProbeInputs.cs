using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// What a probe task fits and scores: its splits and their features [N, D], from the checkpoint's (cached) image
/// embeddings or, with probe.features "pixels", from the raw pixels.
/// </summary>
public sealed class ProbeInputs : IDisposable
{
    private ProbeInputs(ProbeSplits splits, Tensor train, Tensor val, Tensor test)
    {
        Splits = splits;
        Train = train;
        Val = val;
        Test = test;
    }

    public ProbeSplits Splits { get; }

    public Tensor Train { get; }

    public Tensor Val { get; }

    public Tensor Test { get; }

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
