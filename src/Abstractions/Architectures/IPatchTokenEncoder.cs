using static TorchSharp.torch;

namespace ClipHost.Abstractions.Architectures;

/// <summary>
/// An encoder that turns an image into a sequence of patch tokens (ViT, Mixer-like). Strategies that drop
/// tokens (FLIP) require it; CNNs do not implement it, and such strategies refuse them at validation.
/// </summary>
public interface IPatchTokenEncoder
{
    /// <summary>Number of patch tokens (excluding class tokens) for an image of the given side.</summary>
    /// <param name="imageSize">The image side in pixels.</param>
    /// <returns>The token count.</returns>
    int PatchCount(int imageSize);

    /// <summary>
    /// Encodes only the kept patch tokens: embeds all patches, gathers <paramref name="keepIndices"/> per sample
    /// (positions already added), and runs the rest of the network on those tokens alone, so that compute drops.
    /// </summary>
    /// <param name="images">Normalised images [B, C, H, W].</param>
    /// <param name="keepIndices">Indices of kept patches per sample [B, K], int64.</param>
    /// <returns>Pooled features [B, FeatureDim].</returns>
    Tensor ForwardVisible(Tensor images, Tensor keepIndices);

    /// <summary>Forward multiply-accumulates for one image when only <paramref name="visibleTokens"/> patches are kept.</summary>
    /// <param name="imageSize">The image side in pixels.</param>
    /// <param name="visibleTokens">Patch tokens kept.</param>
    /// <returns>Multiply-accumulates per image.</returns>
    long ForwardMacs(int imageSize, int visibleTokens);
}
