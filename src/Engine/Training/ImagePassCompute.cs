using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Engine.Training;

/// <summary>What the image passes of a step really cost: the training loop and the benchmark count them the same way.</summary>
public static class ImagePassCompute
{
    /// <summary>
    /// Multiply-adds of the passes: the encoder at each pass's size (only the visible tokens when a pass dropped some,
    /// for encoders that can), the CLIP projection for passes that use it, and the strategy's head, per image.
    /// </summary>
    public static long Macs(IEnumerable<ImagePass> passes, ImageEncoder visual, int embedDim) =>
        passes.Sum(p => p.Images * (Encoder(p, visual) + (p.Projected ? (long)visual.FeatureDim * embedDim : 0) + p.HeadMacsPerImage));

    private static long Encoder(ImagePass pass, ImageEncoder visual) =>
        pass.VisibleTokens is { } v && visual is IPatchTokenEncoder tokens ? tokens.ForwardMacs(pass.ImageSize, v) : visual.ForwardMacs(pass.ImageSize);
}
