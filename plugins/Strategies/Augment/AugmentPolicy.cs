namespace ClipHost.Plugins.Strategies.Augment;

/// <summary>The image augmentation policies the paper compares (Fig. 1b).</summary>
public enum AugmentPolicy
{
    /// <summary>Random resized crop and horizontal flip.</summary>
    CropFlip,

    /// <summary>Crop and flip, then RandAugment (Cubuk et al. 2019) with N ops of magnitude M.</summary>
    RandAugment,

    /// <summary>Crop and flip, RandAugment, then SimAugment (rotation, colour jitter, grayscale, blur), as Khosla et al. 2020 §14.2.</summary>
    StackedRandAugment,
}
