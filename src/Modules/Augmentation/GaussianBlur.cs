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
    public Tensor Apply(Tensor images, Generator generator) => PerSample.Sometimes(images, Probability, generator, x =>
    {
        using var sigma = PerSample.Uniform(x.shape[0], SigmaMin, SigmaMax, generator, x.device);
        return SpatialOps.Blur(x, sigma, SpatialOps.BlurKernelSize(x.shape[2], x.shape[3]));
    });
}
