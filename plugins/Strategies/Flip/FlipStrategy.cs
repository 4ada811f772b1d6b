using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using ClipHost.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Flip;

/// <summary>
/// FLIP (Li et al. 2023): CLIP's loss on images of which only a random part of the patches is encoded, so that each
/// step costs less and more pairs fit the budget; full images in the unmasked tail of the run and at evaluation.
/// </summary>
public sealed class FlipStrategy(FlipOptions options, int imageSize, int patches) : ITrainingStrategy
{
    public nn.Module? ExtraModule => null;

    /// <summary>Patch tokens each image keeps while masking.</summary>
    public int Kept { get; } = PatchMask.Kept(patches, options.MaskRatio);

    /// <summary>True when this step masks: training, and not yet in the unmasked tail.</summary>
    public bool Masks(StepContext context) => context.Training && MasksAt(context.Progress);

    /// <summary>One pass per pair: the kept tokens while masking, the whole image in the unmasked tail.</summary>
    public IReadOnlyList<ImagePass> PlanPasses(int images, long stepIndex, long totalSteps) =>
        [MasksAt(StepContext.ProgressAt(stepIndex, totalSteps)) ? new ImagePass(images, imageSize, Kept) : new ImagePass(images, imageSize)];

    private bool MasksAt(double progress) => options.MaskRatio > 0 && progress < 1 - options.UnmaskedFraction;

    public StepResult ComputeLoss(ClipBatch batch, IClipModel model, StepContext context)
    {
        Tensor features;
        ImagePass pass;
        if (Masks(context))
        {
            var encoder = (IPatchTokenEncoder)model.Visual;
            var keep = PatchMask.Sample(batch.Count, patches, Kept, context.Generator, batch.Images.device);
            features = encoder.ForwardVisible(batch.Images, keep);
            pass = new ImagePass(batch.Count, imageSize, Kept);
        }
        else
        {
            features = model.Visual.call(batch.Images);
            pass = new ImagePass(batch.Count, imageSize);
        }
        var loss = ContrastiveLoss.Symmetric(model.ProjectImage(features), model.EncodeText(batch.Tokens), model.LogitScale);
        return new StepResult(loss, new Dictionary<string, double>(), [pass]);
    }

    public void Dispose()
    {
    }
}
