using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Per-sample affine maps for <see cref="SpatialOps.Warp"/>, written in pixels about the image centre.
/// </summary>
/// <remarks>
/// affine_grid works in normalised coordinates, where one unit is half the width along x but half the height along
/// y; describing a rotation or shear there directly would skew non-square images, so the pixel-space map is
/// converted here. Every map sends an output position to the input position it samples from.
/// </remarks>
internal static class Affine
{
    /// <summary>theta [B, 2, 3] for input = A · output + t, in pixels about the centre; each argument is [B].</summary>
    public static Tensor FromPixels(Tensor a00, Tensor a01, Tensor a10, Tensor a11, Tensor tx, Tensor ty, long height, long width)
    {
        using var scope = NewDisposeScope();
        using var heightOverWidth = ((double)height / width).ToScalar();
        using var widthOverHeight = ((double)width / height).ToScalar();
        using var perWidth = (2.0 / width).ToScalar();
        using var perHeight = (2.0 / height).ToScalar();
        var top = stack([a00, a01 * heightOverWidth, tx * perWidth], 1);
        var bottom = stack([a10 * widthOverHeight, a11, ty * perHeight], 1);
        return scope.MoveToOuter(stack([top, bottom], 1));
    }

    /// <summary>A rotation by <paramref name="degrees"/> [B] about the centre.</summary>
    public static Tensor Rotation(Tensor degrees, long height, long width)
    {
        using var scope = NewDisposeScope();
        using var toRadians = (Math.PI / 180).ToScalar();
        var radians = degrees * toRadians;
        var (cos, sin) = (radians.cos(), radians.sin());
        var zero = zeros_like(degrees);
        return scope.MoveToOuter(FromPixels(cos, -sin, sin, cos, zero, zero, height, width));
    }

    /// <summary>A shear (input x = x + k·y, or y = y + k·x when <paramref name="vertical"/>) about the centre.</summary>
    public static Tensor Shear(Tensor factor, bool vertical, long height, long width)
    {
        using var scope = NewDisposeScope();
        var (one, zero) = (ones_like(factor), zeros_like(factor));
        var theta = vertical
            ? FromPixels(one, zero, factor, one, zero, zero, height, width)
            : FromPixels(one, factor, zero, one, zero, zero, height, width);
        return scope.MoveToOuter(theta);
    }

    /// <summary>A shift of the content by <paramref name="pixels"/> [B] along x, or along y when <paramref name="vertical"/>.</summary>
    public static Tensor Translation(Tensor pixels, bool vertical, long height, long width)
    {
        using var scope = NewDisposeScope();
        var (one, zero) = (ones_like(pixels), zeros_like(pixels));
        // The input is sampled at output - shift, so the content moves by +shift.
        var back = -pixels;
        var theta = vertical
            ? FromPixels(one, zero, zero, one, zero, back, height, width)
            : FromPixels(one, zero, zero, one, back, zero, height, width);
        return scope.MoveToOuter(theta);
    }
}
