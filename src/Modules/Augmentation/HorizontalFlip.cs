using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>Mirrors each image left-right with probability <see cref="Probability"/>, independently per sample.</summary>
public sealed class HorizontalFlip : IBatchAugmentation
{
    /// <summary>Creates the op.</summary>
    /// <param name="probability">The chance each sample is flipped, in [0, 1].</param>
    public HorizontalFlip(double probability = 0.5) => Probability = Require.Probability(probability, nameof(probability));

    /// <summary>The chance each sample is flipped.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator) =>
        PerSample.Sometimes(images, Probability, generator, x => x.flip(3));
}
