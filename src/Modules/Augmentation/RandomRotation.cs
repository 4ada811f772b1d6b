using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Rotates each image about its centre by its own angle, uniform in [−<see cref="MaxDegrees"/>, +<see cref="MaxDegrees"/>],
/// bilinearly, keeping the size.
/// </summary>
/// <remarks>
/// Corners uncovered by the rotation are black (0), as torchvision's RandomRotation and RandAugment fill by
/// default; it is also grid_sample's own zero padding, so it costs nothing extra.
/// </remarks>
public sealed class RandomRotation : IBatchAugmentation
{
    /// <summary>Creates the op.</summary>
    /// <param name="maxDegrees">The largest rotation either way, in [0, 180].</param>
    public RandomRotation(double maxDegrees) => MaxDegrees = Require.InRange(maxDegrees, 0, 180, nameof(maxDegrees));

    /// <summary>The largest rotation either way, in degrees.</summary>
    public double MaxDegrees { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (height, width) = (images.shape[2], images.shape[3]);
        var degrees = PerSample.Uniform(images.shape[0], -MaxDegrees, MaxDegrees, generator, images.device);
        return scope.MoveToOuter(SpatialOps.Warp(images, Affine.Rotation(degrees, height, width), height, width));
    }
}
