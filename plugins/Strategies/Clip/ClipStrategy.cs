using ClipHost.Abstractions.Strategies;
using ClipHost.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Clip;

/// <summary>CLIP (Radford et al. 2021): symmetric InfoNCE between the two towers' embeddings.</summary>
public sealed class ClipStrategy(int imageSize) : ITrainingStrategy
{
    public nn.Module? ExtraModule => null;

    public StepResult ComputeLoss(ClipBatch batch, IClipModel model, StepContext context)
    {
        var image = model.ProjectImage(model.Visual.call(batch.Images));
        var text = model.EncodeText(batch.Tokens);
        var loss = ContrastiveLoss.Symmetric(image, text, model.LogitScale);
        return new StepResult(loss, new Dictionary<string, double>(), PlanPasses(batch.Count, context.Step, context.TotalSteps));
    }

    /// <summary>One projected view per pair, at every step.</summary>
    public IReadOnlyList<ImagePass> PlanPasses(int images, long stepIndex, long totalSteps) => [new ImagePass(images, imageSize)];

    public void Dispose()
    {
    }
}
