using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Spatial operations on float32 [B, C, H, W] batches in [0, 1]: a per-image Gaussian blur and a per-image affine
/// resampling. Each returns a new tensor in [0, 1] and leaves its inputs alone.
/// </summary>
public static class SpatialOps
{
    /// <summary>
    /// Separable Gaussian blur with a per-image σ [B], reflect-padded: one depthwise convolution per direction
    /// over the batch folded into channels, each image-channel with its own normalised kernel.
    /// </summary>
    /// <param name="images">[B, C, H, W].</param>
    /// <param name="sigma">[B], in pixels, positive.</param>
    /// <param name="kernelSize">Odd, and below twice the shorter side (reflect padding needs that).</param>
    public static Tensor Blur(Tensor images, Tensor sigma, int kernelSize)
    {
        var (batch, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        if (kernelSize < 1 || kernelSize % 2 == 0 || kernelSize >= 2 * Math.Min(height, width))
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, $"kernelSize must be odd and below {2 * Math.Min(height, width)}.");
        }
        var radius = kernelSize / 2;
        if (radius == 0)
        {
            return images.clone();
        }
        using var scope = NewDisposeScope();
        using var shift = radius.ToScalar();
        using var minusTwo = (-2f).ToScalar();
        using var count = kernelSize.ToScalar();
        var offsets = arange(count, ScalarType.Float32, images.device).sub_(shift);
        var weights = offsets.mul(offsets).view(1, kernelSize).div(sigma.view(-1, 1).square().mul_(minusTwo)).exp_();
        weights = weights.div_(weights.sum(1, keepdim: true)).repeat_interleave(channels, 0);
        var planes = nn.functional.pad(images.reshape(1, batch * channels, height, width), [radius, radius, radius, radius], PaddingModes.Reflect);
        planes = nn.functional.conv2d(planes, weights.view(batch * channels, 1, 1, kernelSize), groups: batch * channels);
        planes = nn.functional.conv2d(planes, weights.view(batch * channels, 1, kernelSize, 1), groups: batch * channels);
        return scope.MoveToOuter(UnitInterval.Clamp(planes.view(batch, channels, height, width)));
    }

    /// <summary>
    /// SimCLR's blur kernel size, about 10 % of the shorter side, made odd, at least 3, and small enough for
    /// reflect padding (1, the identity, for 1-pixel images).
    /// </summary>
    public static int BlurKernelSize(long height, long width)
    {
        var side = Math.Min(height, width);
        var size = (int)(0.1 * side);
        size = Math.Max(3, size % 2 == 0 ? size + 1 : size);
        return (int)Math.Min(size, (2 * side) - 1);
    }

    /// <summary>
    /// Resamples each image through its own affine map: bilinear, align_corners false.
    /// </summary>
    /// <param name="images">[B, C, H, W].</param>
    /// <param name="theta">[B, 2, 3], mapping normalised output coordinates to input ones (affine_grid's convention).</param>
    /// <param name="height">Output height.</param>
    /// <param name="width">Output width.</param>
    /// <param name="padding">
    /// What is read outside the image: Zeros (black) for rotations and shears, which uncover area; Border for crops
    /// that stay inside, so that samples within half a pixel of the edge repeat it as interpolate does rather than
    /// blend it with black.
    /// </param>
    public static Tensor Warp(Tensor images, Tensor theta, long height, long width, GridSamplePaddingMode padding = GridSamplePaddingMode.Zeros)
    {
        using var scope = NewDisposeScope();
        var grid = nn.functional.affine_grid(theta.to_type(images.dtype), [images.shape[0], images.shape[1], height, width], align_corners: false);
        var warped = nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, padding, align_corners: false);
        return scope.MoveToOuter(UnitInterval.Clamp(warped));
    }
}
