using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules;

/// <summary>CLIP's symmetric InfoNCE over L2-normalised embeddings (Radford et al. 2021, eq. in Fig. 3).</summary>
public static class ContrastiveLoss
{
    /// <summary>
    /// Mean of the image-to-text and text-to-image cross-entropies, where pair i matches pair i.
    /// </summary>
    /// <param name="image">Image embeddings [B, E], any scale.</param>
    /// <param name="text">Text embeddings [B, E], any scale.</param>
    /// <param name="logitScale">The log of the temperature's inverse, a scalar.</param>
    /// <returns>The scalar loss, fp32.</returns>
    public static Tensor Symmetric(Tensor image, Tensor text, Tensor logitScale)
    {
        using var scope = NewDisposeScope();
        var img = nn.functional.normalize(image.to_type(ScalarType.Float32), dim: 1);
        var txt = nn.functional.normalize(text.to_type(ScalarType.Float32), dim: 1);
        var logits = logitScale.exp() * img.matmul(txt.t());
        var targets = arange(logits.shape[0], dtype: ScalarType.Int64, device: logits.device);
        // An explicit Scalar, alive until the division returns: TorchSharp's implicit ones can be finalised mid-call.
        using var two = 2f.ToScalar();
        var loss = (nn.functional.cross_entropy(logits, targets) + nn.functional.cross_entropy(logits.t(), targets)) / two;
        return scope.MoveToOuter(loss);
    }
}
