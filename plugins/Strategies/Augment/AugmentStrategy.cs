using ClipHost.Abstractions.Strategies;
using ClipHost.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Augment;

/// <summary>
/// CLIP + data augmentation (the paper's §7): CLIP's loss on a freshly augmented view of each image at every draw
/// (and optionally an augmented caption), at CLIP's cost per pair; the base images at evaluation.
/// </summary>
/// <param name="options">Valid options.</param>
/// <param name="imageSize">Training image side.</param>
/// <param name="augment">Makes the augmented view in [0, 1], [B, 3, S, S], of raw uint8 images [B, H, W, 3], drawing from the generator.</param>
public sealed class AugmentStrategy(AugmentOptions options, int imageSize, Func<Tensor, Generator, Tensor> augment) : ITrainingStrategy
{
    public nn.Module? ExtraModule => null;

    public StepResult ComputeLoss(ClipBatch batch, IClipModel model, StepContext context)
    {
        var images = batch.Images;
        var tokens = batch.Tokens;
        if (context.Training)
        {
            using var view = augment(batch.RawImages, context.Generator);
            images = ClipNormalization.Normalize(view);
            if (options.CaptionDeletion > 0)
            {
                tokens = CaptionAugmentation.Delete(tokens, options.CaptionDeletion, context.Generator);
            }
            if (options.CaptionSwaps > 0)
            {
                tokens = CaptionAugmentation.Swap(tokens, options.CaptionSwaps, context.Generator);
            }
        }
        var loss = ContrastiveLoss.Symmetric(model.ProjectImage(model.Visual.call(images)), model.EncodeText(tokens), model.LogitScale);
        return new StepResult(loss, new Dictionary<string, double>(), PlanPasses(batch.Count, context.Step, context.TotalSteps));
    }

    /// <summary>One projected view per pair, at every step: the augmented view replaces the image, it is not an extra pass.</summary>
    public IReadOnlyList<ImagePass> PlanPasses(int images, long stepIndex, long totalSteps) => [new ImagePass(images, imageSize)];

    public void Dispose()
    {
    }
}
