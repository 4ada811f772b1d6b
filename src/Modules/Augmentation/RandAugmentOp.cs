namespace ClipHost.Modules.Augmentation;

/// <summary>
/// The 14 operations of RandAugment (Cubuk et al. 2019) as torchvision implements them; magnitudes are those of
/// <see cref="RandAugment"/>'s 0–30 scale.
/// </summary>
public enum RandAugmentOp
{
    /// <summary>No change.</summary>
    Identity,

    /// <summary>Stretches each channel to [0, 1] (no magnitude).</summary>
    AutoContrast,

    /// <summary>Histogram equalisation of each channel (no magnitude).</summary>
    Equalize,

    /// <summary>Rotation about the centre by up to ±30°.</summary>
    Rotate,

    /// <summary>Inverts values above a threshold falling from 1 to 0.</summary>
    Solarize,

    /// <summary>Saturation factor 1 ± 0.9.</summary>
    Color,

    /// <summary>Keeps from 8 down to 4 bits per channel.</summary>
    Posterize,

    /// <summary>Contrast factor 1 ± 0.9.</summary>
    Contrast,

    /// <summary>Brightness factor 1 ± 0.9.</summary>
    Brightness,

    /// <summary>Sharpness factor 1 ± 0.9.</summary>
    Sharpness,

    /// <summary>Horizontal shear by up to ±0.3.</summary>
    ShearX,

    /// <summary>Vertical shear by up to ±0.3.</summary>
    ShearY,

    /// <summary>Horizontal shift by up to ±150/331 of the width.</summary>
    TranslateX,

    /// <summary>Vertical shift by up to ±150/331 of the height.</summary>
    TranslateY,
}
