using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Replaces each image, with probability <see cref="Probability"/>, by its ITU-R 601 luma in all three channels.
/// </summary>
public sealed class RandomGrayscale : IBatchAugmentation
{
    /// <summary>Creates the op.</summary>
    /// <param name="probability">The chance each sample turns grey, in [0, 1].</param>
    public RandomGrayscale(double probability) => Probability = Require.Probability(probability, nameof(probability));

    /// <summary>The chance each sample turns grey.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator) =>
        PerSample.Sometimes(images, Probability, generator, ColorOps.Grayscale);
}
