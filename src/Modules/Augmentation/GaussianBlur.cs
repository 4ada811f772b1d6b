using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Blurs each image, with probability <see cref="Probability"/>, by a Gaussian of its own σ, uniform in
/// [<see cref="SigmaMin"/>, <see cref="SigmaMax"/>] pixels, with SimCLR's kernel of about 10 % of the shorter side
/// (<see cref="SpatialOps.BlurKernelSize"/>).
/// </summary>
public sealed class GaussianBlur : IBatchAugmentation
{
    /// <summary>Creates the op.</summary>
    /// <param name="sigmaMin">Smallest σ in pixels, positive.</param>
    /// <param name="sigmaMax">Largest σ in pixels, at least <paramref name="sigmaMin"/>.</param>
    /// <param name="probability">The chance each sample is blurred, in [0, 1].</param>
    public GaussianBlur(double sigmaMin, double sigmaMax, double probability)
    {
        Require.PositiveRange(sigmaMin, sigmaMax, double.MaxValue, nameof(sigmaMin), nameof(sigmaMax));
        (SigmaMin, SigmaMax) = (sigmaMin, sigmaMax);
        Probability = Require.Probability(probability, nameof(probability));
    }

    /// <summary>Smallest σ, in pixels.</summary>
    public double SigmaMin { get; }

    /// <summary>Largest σ, in pixels.</summary>
    public double SigmaMax { get; }

    /// <summary>The chance each sample is blurred.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (batch, device) = (images.shape[0], images.device);
        var blur = PerSample.Coin(batch, Probability, generator, device);
        var sigma = PerSample.Uniform(batch, SigmaMin, SigmaMax, generator, device);
        var kernelSize = SpatialOps.BlurKernelSize(images.shape[2], images.shape[3]);
        return scope.MoveToOuter(PerSample.Where(blur, SpatialOps.Blur(images, sigma, kernelSize), images));
    }
}
