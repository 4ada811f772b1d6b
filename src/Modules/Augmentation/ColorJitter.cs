using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// torchvision's ColorJitter, applied to each sample with probability <see cref="Probability"/> (RandomApply):
/// brightness, contrast and saturation factors each uniform in [max(0, 1 − s), 1 + s], and a hue turn uniform in
/// [−hue, +hue] of a full circle, all drawn per sample.
/// </summary>
/// <remarks>
/// The order is fixed — brightness, contrast, saturation, hue — where torchvision shuffles it per call: a fixed
/// order keeps the op one pass over the batch, and the four adjustments nearly commute at these strengths. The hue
/// turn is a rotation in YIQ space, not torchvision's HSV shift (see <see cref="ColorOps.RotateHue"/>).
/// </remarks>
public sealed class ColorJitter : IBatchAugmentation
{
    /// <summary>Creates the op; a strength of 0 leaves that property alone.</summary>
    /// <param name="brightness">Brightness strength, ≥ 0.</param>
    /// <param name="contrast">Contrast strength, ≥ 0.</param>
    /// <param name="saturation">Saturation strength, ≥ 0.</param>
    /// <param name="hue">Largest hue turn, in [0, 0.5] of a full circle.</param>
    /// <param name="probability">The chance each sample is jittered at all, in [0, 1].</param>
    public ColorJitter(double brightness, double contrast, double saturation, double hue, double probability = 1.0)
    {
        Brightness = Require.NonNegative(brightness, nameof(brightness));
        Contrast = Require.NonNegative(contrast, nameof(contrast));
        Saturation = Require.NonNegative(saturation, nameof(saturation));
        Hue = Require.InRange(hue, 0, 0.5, nameof(hue));
        Probability = Require.Probability(probability, nameof(probability));
    }

    /// <summary>Brightness strength.</summary>
    public double Brightness { get; }

    /// <summary>Contrast strength.</summary>
    public double Contrast { get; }

    /// <summary>Saturation strength.</summary>
    public double Saturation { get; }

    /// <summary>Largest hue turn, as a fraction of a full circle.</summary>
    public double Hue { get; }

    /// <summary>The chance each sample is jittered.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator) => PerSample.Sometimes(images, Probability, generator, x => Jitter(x, generator));

    private Tensor Jitter(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (batch, device) = (images.shape[0], images.device);
        Tensor Factor(double strength) => PerSample.Uniform(batch, Math.Max(0, 1 - strength), 1 + strength, generator, device);
        var x = images;
        if (Brightness > 0)
        {
            x = ColorOps.AdjustBrightness(x, Factor(Brightness));
        }
        if (Contrast > 0)
        {
            x = ColorOps.AdjustContrast(x, Factor(Contrast));
        }
        if (Saturation > 0)
        {
            x = ColorOps.AdjustSaturation(x, Factor(Saturation));
        }
        if (Hue > 0)
        {
            x = ColorOps.RotateHue(x, PerSample.Uniform(batch, -Hue, Hue, generator, device));
        }
        // Every adjustment returns a new tensor, so x is never the input itself once one has run.
        return scope.MoveToOuter(ReferenceEquals(x, images) ? images.clone() : x);
    }
}
