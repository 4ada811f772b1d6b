using ClipHost.Abstractions.Architectures;
using static TorchSharp.torch;

namespace ClipHost.Abstractions.Strategies;

/// <summary>The two-tower model as strategies see it. The engine owns it; strategies only call it.</summary>
public interface IClipModel
{
    /// <summary>The image backbone (a plugin's encoder).</summary>
    ImageEncoder Visual { get; }

    /// <summary>Width of the joint embedding space.</summary>
    int EmbedDim { get; }

    /// <summary>Projects pooled image features [B, FeatureDim] into the joint space [B, EmbedDim] (not normalised).</summary>
    /// <param name="features">Pooled features from <see cref="Visual"/>.</param>
    /// <returns>Image embeddings.</returns>
    Tensor ProjectImage(Tensor features);

    /// <summary>Encodes token ids [B, T] into text embeddings [B, EmbedDim] (not normalised).</summary>
    /// <param name="tokens">Token ids, int64, padded with zeros after the end token.</param>
    /// <returns>Text embeddings.</returns>
    Tensor EncodeText(Tensor tokens);

    /// <summary>The learnable log of the logit scale (a scalar parameter, fp32).</summary>
    Tensor LogitScale { get; }
}
