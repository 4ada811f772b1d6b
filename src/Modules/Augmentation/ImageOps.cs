using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Deterministic image operations on float32 [B, 3, H, W] batches in [0, 1], with per-sample parameters given as
/// [B] tensors: the building blocks the random augmentations draw parameters for. Each returns a new tensor in
/// [0, 1] and leaves its inputs alone.
/// </summary>
public static class ImageOps
{
    // ITU-R BT.601 luma, as PIL's convert("L") and torchvision's rgb_to_grayscale.
    private static readonly float[] LumaWeights = [0.299f, 0.587f, 0.114f];

    // PIL's ImageFilter.SMOOTH, the degenerate image of PIL's (and torchvision's) sharpness enhancement.
    private static readonly float[] SmoothKernel = [1 / 13f, 1 / 13f, 1 / 13f, 1 / 13f, 5 / 13f, 1 / 13f, 1 / 13f, 1 / 13f, 1 / 13f];

    // RGB to YIQ (NTSC): Y is the same luma as above, I and Q span the chroma plane.
    private static readonly double[] RgbToYiq = [0.299, 0.587, 0.114, 0.596, -0.274, -0.322, 0.211, -0.523, 0.312];

    /// <summary>The ITU-R 601 luma 0.299 R + 0.587 G + 0.114 B, as [B, 1, H, W].</summary>
    public static Tensor Luma(Tensor images)
    {
        using var scope = NewDisposeScope();
        var weights = tensor(LumaWeights, [1, 3, 1, 1], device: images.device);
        return scope.MoveToOuter(images.mul(weights).sum(1, keepdim: true));
    }

    /// <summary>The luma copied to all three channels.</summary>
    public static Tensor Grayscale(Tensor images)
    {
        using var luma = Luma(images);
        return luma.expand(-1, 3, -1, -1).contiguous();
    }

    /// <summary>
    /// degenerate + factor · (images − degenerate), clamped: factor 1 is the identity, 0 gives the degenerate
    /// image and factors above 1 extrapolate away from it (PIL's ImageEnhance).
    /// </summary>
    /// <param name="images">[B, C, H, W].</param>
    /// <param name="degenerate">Anything broadcastable to the images, e.g. [B, 1, H, W] or [B, 1, 1, 1].</param>
    /// <param name="factor">[B].</param>
    public static Tensor Blend(Tensor images, Tensor degenerate, Tensor factor)
    {
        using var scope = NewDisposeScope();
        var blended = images.sub(degenerate).mul_(PerSample.Broadcast(factor)).add_(degenerate);
        return scope.MoveToOuter(Clamp01(blended));
    }

    /// <summary>images · factor, clamped (a blend with black).</summary>
    public static Tensor AdjustBrightness(Tensor images, Tensor factor)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Clamp01(images.mul(PerSample.Broadcast(factor))));
    }

    /// <summary>A blend with the mean luma of each image.</summary>
    public static Tensor AdjustContrast(Tensor images, Tensor factor)
    {
        using var scope = NewDisposeScope();
        var mean = Luma(images).mean([1, 2, 3], keepdim: true);
        return scope.MoveToOuter(Blend(images, mean, factor));
    }

    /// <summary>A blend with the luma: 0 is grayscale, above 1 more saturated (PIL's Color).</summary>
    public static Tensor AdjustSaturation(Tensor images, Tensor factor)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Blend(images, Luma(images), factor));
    }

    /// <summary>
    /// A blend with the image smoothed by [[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13; as in PIL, the one-pixel border
    /// keeps its original values, since the 3 × 3 kernel has no full neighbourhood there.
    /// </summary>
    public static Tensor AdjustSharpness(Tensor images, Tensor factor)
    {
        var (channels, height, width) = (images.shape[1], images.shape[2], images.shape[3]);
        if (height < 3 || width < 3)
        {
            return images.clone();
        }
        using var scope = NewDisposeScope();
        var kernel = tensor(SmoothKernel, [1, 1, 3, 3], device: images.device).repeat(channels, 1, 1, 1);
        var smooth = nn.functional.conv2d(images, kernel, groups: channels);
        var degenerate = images.clone();
        degenerate.narrow(2, 1, height - 2).narrow(3, 1, width - 2).copy_(smooth);
        return scope.MoveToOuter(Blend(images, degenerate, factor));
    }

    /// <summary>
    /// Turns the hue by <paramref name="turns"/> [B] of a full circle, as a rotation of the chroma plane in YIQ
    /// space; clamped.
    /// </summary>
    /// <remarks>
    /// torchvision shifts H in HSV, which needs per-pixel branching; a rotation about the grey axis in YIQ is one
    /// 3 × 3 matrix per image (a batched matmul) and turns hues the same way, keeping luma. It differs from the HSV
    /// shift in that saturated colours can leave the RGB cube and are clamped, and in how far each colour moves.
    /// </remarks>
    public static Tensor RotateHue(Tensor images, Tensor turns)
    {
        using var scope = NewDisposeScope();
        var (batch, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        using var fullTurn = (2 * Math.PI).ToScalar();
        var angle = turns.to_type(ScalarType.Float32) * fullTurn;
        var (cos, sin, one, zero) = (angle.cos(), angle.sin(), ones_like(angle), zeros_like(angle));
        var rotation = stack([one, zero, zero, zero, cos, -sin, zero, sin, cos], 1).view(batch, 3, 3);
        var toYiq = tensor(RgbToYiq, [3, 3], ScalarType.Float64, images.device);
        var fromYiq = linalg.inv(toYiq).to_type(ScalarType.Float32);
        var perImage = fromYiq.matmul(rotation).matmul(toYiq.to_type(ScalarType.Float32));
        var turned = perImage.bmm(images.reshape(batch, 3, height * width)).view(batch, 3, height, width);
        return scope.MoveToOuter(Clamp01(turned));
    }

    /// <summary>
    /// Keeps the top <paramref name="bits"/> bits of each 8-bit value (PIL's posterize): values are rounded to the
    /// 256 levels first, so for 8 bits the images are returned as they are.
    /// </summary>
    public static Tensor Posterize(Tensor images, int bits)
    {
        Require.InRange(bits, 1, 8, nameof(bits));
        if (bits == 8)
        {
            return images.clone();
        }
        using var scope = NewDisposeScope();
        using var levels = 255f.ToScalar();
        using var step = ((float)(1 << (8 - bits))).ToScalar();
        // Floor-division on the rounded level is the bit mask, kept in float so no integer round trip is needed.
        var kept = images.mul(levels).round_().div_(step).floor_().mul_(step).div_(levels);
        return scope.MoveToOuter(kept);
    }

    /// <summary>Inverts (1 − x) every value at or above <paramref name="threshold"/>; a threshold above 1 is the identity.</summary>
    public static Tensor Solarize(Tensor images, double threshold)
    {
        using var scope = NewDisposeScope();
        using var t = threshold.ToScalar();
        using var one = 1f.ToScalar();
        var inverted = images.neg().add_(one);
        return scope.MoveToOuter(where(images.ge(t), inverted, images));
    }

    /// <summary>Stretches each image-channel so its minimum becomes 0 and its maximum 1; flat channels are kept.</summary>
    public static Tensor AutoContrast(Tensor images)
    {
        using var scope = NewDisposeScope();
        var low = images.amin([2, 3], keepdim: true);
        var span = images.amax([2, 3], keepdim: true).sub_(low);
        using var zero = 0f.ToScalar();
        var flat = span.le(zero);
        var scale = where(flat, ones_like(span), span.reciprocal());
        var offset = where(flat, zeros_like(low), low);
        return scope.MoveToOuter(Clamp01(images.sub(offset).mul_(scale)));
    }

    /// <summary>
    /// Histogram equalisation of each image-channel over its 256 levels, with PIL's lookup table: step =
    /// ⌊(N − count of the top level) / 255⌋, level i ↦ min(255, ⌊(Σ_{j&lt;i} hist[j] + ⌊step / 2⌋) / step⌋),
    /// and channels with step 0 (one level, or nearly) keep their levels. The result is on the 256-level grid.
    /// </summary>
    public static Tensor Equalize(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (batch, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var rows = batch * channels;
        using var byteRange = 255f.ToScalar();
        using var intByteRange = 255L.ToScalar();
        using var two = 2L.ToScalar();
        using var one = 1L.ToScalar();
        using var pixels = (height * width).ToScalar();
        using var zero = 0f.ToScalar();
        // One histogram per image-channel row, all rows at once.
        var levels = images.mul(byteRange).round_().clamp_(zero, byteRange).to_type(ScalarType.Int64).reshape(rows, height * width);
        var histogram = zeros([rows, 256], ScalarType.Int64, images.device).scatter_add_(1, levels, ones_like(levels));
        var topCount = histogram.gather(1, levels.amax([1], keepdim: true));
        var step = topCount.neg().add_(pixels).div_(intByteRange, RoundingMode.floor);
        var below = histogram.cumsum(1).sub_(histogram);
        var table = below.add_(step.div(two, RoundingMode.floor)).div_(step.clamp(min: one), RoundingMode.floor).clamp_(max: intByteRange);
        var mapped = where(step.ge(one), table.gather(1, levels), levels);
        return scope.MoveToOuter(mapped.to_type(ScalarType.Float32).div_(byteRange).view(batch, channels, height, width));
    }

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
        return scope.MoveToOuter(Clamp01(planes.view(batch, channels, height, width)));
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
        return scope.MoveToOuter(Clamp01(warped));
    }

    /// <summary>Clamps in place into [0, 1] and returns the same tensor.</summary>
    internal static Tensor Clamp01(Tensor images)
    {
        using var zero = 0f.ToScalar();
        using var one = 1f.ToScalar();
        return images.clamp_(zero, one);
    }
}
