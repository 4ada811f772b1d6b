using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Colour operations on float32 [B, 3, H, W] batches in [0, 1] with per-sample factors given as [B] tensors: luma,
/// PIL-style enhancement blends (brightness, contrast, saturation, sharpness) and hue rotation. Each returns a new
/// tensor in [0, 1] and leaves its inputs alone.
/// </summary>
public static class ColorOps
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
        return scope.MoveToOuter(UnitInterval.Clamp(blended));
    }

    /// <summary>images · factor, clamped (a blend with black).</summary>
    public static Tensor AdjustBrightness(Tensor images, Tensor factor)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(UnitInterval.Clamp(images.mul(PerSample.Broadcast(factor))));
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
        return scope.MoveToOuter(UnitInterval.Clamp(turned));
    }
}
