using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Engine.Training;

/// <summary>What the image passes of a step really cost: the training loop and the benchmark count them the same way.</summary>
public static class ImagePassCompute
{
    /// <summary>
    /// Multiply-adds of the passes: the encoder at each pass's size (only the visible tokens when a pass dropped some,
    /// for encoders that can) plus the CLIP projection, per image.
    /// </summary>
    public static long Macs(IEnumerable<ImagePass> passes, ImageEncoder visual, int embedDim) =>
        passes.Sum(p => p.Images * ((p.VisibleTokens is { } v && visual is IPatchTokenEncoder tokens ? tokens.ForwardMacs(p.ImageSize, v) : visual.ForwardMacs(p.ImageSize)) + ((long)visual.FeatureDim * embedDim)));
}
