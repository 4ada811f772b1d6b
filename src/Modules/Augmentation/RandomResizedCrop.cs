using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// torchvision's RandomResizedCrop with an optional horizontal flip folded in: per sample, a box covering a
/// fraction of the image area uniform in [<see cref="MinScale"/>, <see cref="MaxScale"/>], with aspect ratio
/// log-uniform in [<see cref="MinRatio"/>, <see cref="MaxRatio"/>], placed uniformly inside the image, resampled to
/// <see cref="Size"/> × <see cref="Size"/> — crop, flip and resize in one bilinear grid_sample.
/// </summary>
/// <remarks>
/// <para>Like torchvision, up to 10 (area, ratio) draws are tried per sample and the first box that fits is kept;
/// if none fits, the box is the largest one the image holds at the nearest in-range ratio (the whole image when its
/// own ratio is in range), placed at random where torchvision centres it. Box sizes and positions are continuous
/// rather than whole pixels, since the box is resampled anyway.</para>
/// <para>Bilinear sampling reads 4 input pixels per output pixel, so a box more than about twice the output side
/// aliases: it skips pixels rather than averaging them. With 64–96 px stores cropped to 32–64 px only the largest
/// boxes come near a factor of 3, and the crop's own jitter dwarfs the aliasing; an antialiased path would need a
/// prefilter per sample scale and a second resampling.</para>
/// </remarks>
public sealed class RandomResizedCrop : IBatchAugmentation
{
    private const int Attempts = 10;

    /// <summary>Creates the op.</summary>
    /// <param name="size">Output side in pixels, ≥ 1.</param>
    /// <param name="minScale">Smallest box area as a fraction of the image, in (0, <paramref name="maxScale"/>].</param>
    /// <param name="maxScale">Largest box area as a fraction of the image, in (0, 1].</param>
    /// <param name="flipProbability">Chance each sample is also mirrored left-right, in [0, 1].</param>
    /// <param name="minRatio">Smallest box width / height, positive.</param>
    /// <param name="maxRatio">Largest box width / height, at least <paramref name="minRatio"/>.</param>
    public RandomResizedCrop(int size, double minScale = 0.08, double maxScale = 1.0, double flipProbability = 0.0, double minRatio = 3.0 / 4, double maxRatio = 4.0 / 3)
    {
        Size = Require.AtLeast(size, 1, nameof(size));
        Require.PositiveRange(minScale, maxScale, 1, nameof(minScale), nameof(maxScale));
        Require.PositiveRange(minRatio, maxRatio, double.MaxValue, nameof(minRatio), nameof(maxRatio));
        (MinScale, MaxScale, MinRatio, MaxRatio) = (minScale, maxScale, minRatio, maxRatio);
        FlipProbability = Require.Probability(flipProbability, nameof(flipProbability));
    }

    /// <summary>Output side in pixels.</summary>
    public int Size { get; }

    /// <summary>Smallest box area, as a fraction of the image.</summary>
    public double MinScale { get; }

    /// <summary>Largest box area, as a fraction of the image.</summary>
    public double MaxScale { get; }

    /// <summary>Smallest box width / height.</summary>
    public double MinRatio { get; }

    /// <summary>Largest box width / height.</summary>
    public double MaxRatio { get; }

    /// <summary>Chance each sample is mirrored left-right.</summary>
    public double FlipProbability { get; }

    /// <summary>Crops, flips and resizes; the result is [B, 3, <see cref="Size"/>, <see cref="Size"/>].</summary>
    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (batch, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var boxes = SampleBoxes(batch, height, width, generator, images.device);
        var flip = PerSample.Coin(batch, FlipProbability, generator, images.device);
        var (left, top, boxWidth, boxHeight) = (boxes.select(1, 0), boxes.select(1, 1), boxes.select(1, 2), boxes.select(1, 3));

        // In normalised input coordinates (−1 … 1 edge to edge, align_corners false) the output spans the box:
        // a scale of box / image side about the box centre, negated along x for a mirrored sample.
        using var widthScalar = ((double)width).ToScalar();
        using var heightScalar = ((double)height).ToScalar();
        using var perWidth = (2.0 / width).ToScalar();
        using var perHeight = (2.0 / height).ToScalar();
        using var half = 0.5.ToScalar();
        using var one = 1.ToScalar();
        var scaleX = boxWidth.div(widthScalar);
        scaleX = where(flip, scaleX.neg(), scaleX);
        var scaleY = boxHeight.div(heightScalar);
        var centreX = boxWidth.mul(half).add_(left).mul_(perWidth).sub_(one);
        var centreY = boxHeight.mul(half).add_(top).mul_(perHeight).sub_(one);
        var zero = zeros_like(scaleX);
        var theta = stack([stack([scaleX, zero, centreX], 1), stack([zero, scaleY, centreY], 1)], 1);
        return scope.MoveToOuter(SpatialOps.Warp(images, theta, Size, Size, GridSamplePaddingMode.Border));
    }

    /// <summary>Draws one crop box per sample, as <see cref="Apply"/> does before resampling.</summary>
    /// <param name="batch">How many boxes.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="generator">The source of the draws.</param>
    /// <param name="device">Where the boxes and draws live.</param>
    /// <returns>float32 [B, 4]: left, top, width, height in pixels, inside the image.</returns>
    public Tensor SampleBoxes(long batch, long height, long width, Generator generator, Device device)
    {
        using var scope = NewDisposeScope();
        using var areaScalar = ((double)height * width).ToScalar();
        using var widthScalar = ((double)width).ToScalar();
        using var heightScalar = ((double)height).ToScalar();

        var scale = PerSample.Uniform(batch * Attempts, MinScale, MaxScale, generator, device).view(batch, Attempts);
        var ratio = PerSample.Uniform(batch * Attempts, Math.Log(MinRatio), Math.Log(MaxRatio), generator, device).view(batch, Attempts).exp_();
        var boxArea = scale.mul_(areaScalar);
        var widths = boxArea.mul(ratio).sqrt_();
        var heights = boxArea.div(ratio).sqrt_();
        var fits = widths.le(widthScalar).logical_and_(heights.le(heightScalar));
        // argmax returns the first maximal index: the first attempt that fits, as torchvision's loop would keep.
        var first = fits.to_type(ScalarType.Int32).argmax(1, keepdim: true);
        var anyFits = fits.any(1);
        var (wholeWidth, wholeHeight) = WholeImageBox(height, width);
        using var fallbackWidth = wholeWidth.ToScalar();
        using var fallbackHeight = wholeHeight.ToScalar();
        var boxWidth = where(anyFits, widths.gather(1, first).squeeze(1), full(batch, fallbackWidth, ScalarType.Float32, device));
        var boxHeight = where(anyFits, heights.gather(1, first).squeeze(1), full(batch, fallbackHeight, ScalarType.Float32, device));

        var left = PerSample.Uniform(batch, 0, 1, generator, device).mul_(boxWidth.neg().add_(widthScalar));
        var top = PerSample.Uniform(batch, 0, 1, generator, device).mul_(boxHeight.neg().add_(heightScalar));
        return scope.MoveToOuter(stack([left, top, boxWidth, boxHeight], 1));
    }

    private (double Width, double Height) WholeImageBox(long height, long width)
    {
        var ratio = (double)width / height;
        return ratio < MinRatio ? (width, width / MinRatio)
            : ratio > MaxRatio ? (height * MaxRatio, height)
            : (width, height);
    }
}
