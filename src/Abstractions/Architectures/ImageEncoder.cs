using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Abstractions.Architectures;

/// <summary>
/// An image backbone: takes normalised images [B, C, H, W] and returns pooled features [B, FeatureDim].
/// The engine adds the CLIP projection on top, so strategies that need features before the projection
/// (SLIP's SimCLR head) can take them. Encoders with patch tokens also implement <see cref="IPatchTokenEncoder"/>.
/// </summary>
public abstract class ImageEncoder : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with the name used as its state-dict prefix.</summary>
    /// <param name="name">The module name.</param>
    protected ImageEncoder(string name)
        : base(name)
    {
    }

    /// <summary>Width of the pooled features this encoder returns.</summary>
    public abstract int FeatureDim { get; }

    /// <summary>
    /// Forward multiply-accumulates for one image of the given side, counted from the real module shapes
    /// (Linear, Conv2d, attention). FLOPs are twice this.
    /// </summary>
    /// <param name="imageSize">The image side in pixels.</param>
    /// <returns>Multiply-accumulates per image.</returns>
    public abstract long ForwardMacs(int imageSize);
}
