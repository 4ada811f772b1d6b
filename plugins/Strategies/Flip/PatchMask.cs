using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Flip;

/// <summary>FLIP's per-sample random masking: each image keeps its own random subset of patches.</summary>
public static class PatchMask
{
    /// <summary>Patches an image keeps: floor(patches x (1 - ratio)), at least one.</summary>
    public static int Kept(int patches, double ratio) => Math.Max(1, (int)Math.Floor(patches * (1 - ratio)));

    /// <summary>
    /// Indices of the kept patches [images, kept], int64: the <paramref name="kept"/> smallest of one uniform draw per
    /// patch, so every subset is equally likely and each image draws its own. Sorted, so kept tokens stay in image order.
    /// </summary>
    public static Tensor Sample(int images, int patches, int kept, Generator generator, Device device)
    {
        using var scope = NewDisposeScope();
        var noise = rand([images, patches], generator: generator, device: device);
        var keep = noise.argsort(dim: 1).narrow(1, 0, kept);
        return scope.MoveToOuter(keep.sort(dim: 1).Values);
    }
}
