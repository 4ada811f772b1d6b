using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>AdamW over CLIP's two parameter groups, and the optimiser step every training loop takes.</summary>
public static class ClipOptimizer
{
    public static OptimizerHelper Create(IEnumerable<(string Name, Parameter Parameter)> parameters, TrainingConfig t)
    {
        var (decay, noDecay) = ParameterGroups.Split(parameters);
        return optim.AdamW(
            [
                new AdamW.ParamGroup(decay, t.LearningRate, t.Beta1, t.Beta2, t.Eps, t.WeightDecay),
                new AdamW.ParamGroup(noDecay, t.LearningRate, t.Beta1, t.Beta2, t.Eps, 0),
            ],
            t.LearningRate, t.Beta1, t.Beta2, t.Eps, t.WeightDecay);
    }

    /// <summary>
    /// Back-propagates, hands bf16 gradients to the fp32 masters, updates, copies the masters back, and clamps the
    /// temperature as CLIP does after every step. <paramref name="phaseEnded"/>, when given, hears the name of each
    /// phase as it ends (the bench's profile).
    /// </summary>
    public static void Step(OptimizerHelper optimizer, Tensor loss, ClipModel model, MixedPrecision precision, Action<string>? phaseEnded = null)
    {
        optimizer.zero_grad();
        precision.ZeroComputeGrads();
        phaseEnded?.Invoke("zero gradients");
        loss.backward();
        phaseEnded?.Invoke("backward");
        precision.AfterBackward();
        phaseEnded?.Invoke("bf16 gradients to fp32 masters");
        StepWithoutCollection(optimizer);
        phaseEnded?.Invoke("optimizer step (AdamW on fp32)");
        precision.AfterStep();
        phaseEnded?.Invoke("fp32 masters to bf16 weights");
        model.ClampLogitScale();
        phaseEnded?.Invoke("clamp logit scale");
    }

    /// <summary>
    /// Fast runs crashed now and then inside TorchSharp's AdamW.step with LibTorch reading a corrupt Scalar
    /// ("Expected false to be true ... toFloat", at a few hundred to a thousand steps/s). Scalars made by implicit
    /// conversion are native objects freed by their finalisers, so a collection in the middle of the step is the
    /// suspect; since the step runs in a no-GC region no run has crashed there. The step allocates only small
    /// wrappers, far below the region's budget, and measured no slower (see the issue notes).
    /// </summary>
    private static void StepWithoutCollection(OptimizerHelper optimizer)
    {
        var noCollection = GC.TryStartNoGCRegion(NoCollectionBudget);
        try
        {
            optimizer.step();
        }
        finally
        {
            if (noCollection && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }

    private const long NoCollectionBudget = 16L << 20;
}
