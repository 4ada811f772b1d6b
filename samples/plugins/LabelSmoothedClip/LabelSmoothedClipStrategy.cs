using ClipHost.Abstractions.Strategies;
using static TorchSharp.torch;

namespace ClipHost.Samples.LabelSmoothedClip;

/// <summary>Symmetric InfoNCE with label-smoothed targets: softer targets for noisy captions.</summary>
public sealed class LabelSmoothedClipStrategy(double smoothing, int imageSize) : ITrainingStrategy
{
    public nn.Module? ExtraModule => null;

    public StepResult ComputeLoss(ClipBatch batch, IClipModel model, StepContext context)
    {
        using var scope = NewDisposeScope();
        var image = nn.functional.normalize(model.ProjectImage(model.Visual.call(batch.Images)).to_type(ScalarType.Float32), dim: 1);
        var text = nn.functional.normalize(model.EncodeText(batch.Tokens).to_type(ScalarType.Float32), dim: 1);
        var logits = model.LogitScale.exp() * image.matmul(text.t());
        var targets = arange(logits.shape[0], dtype: ScalarType.Int64, device: logits.device);
        var loss = (nn.functional.cross_entropy(logits, targets, label_smoothing: smoothing) + nn.functional.cross_entropy(logits.t(), targets, label_smoothing: smoothing)) / 2;
        return new StepResult(scope.MoveToOuter(loss), new Dictionary<string, double> { ["smoothing"] = smoothing }, [new ImagePass(batch.Count, imageSize)]);
    }

    public void Dispose()
    {
    }
}
