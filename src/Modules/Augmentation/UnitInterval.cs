using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>Keeps image values in [0, 1], the range every augmentation takes and returns.</summary>
internal static class UnitInterval
{
    /// <summary>Clamps in place into [0, 1] and returns the same tensor.</summary>
    public static Tensor Clamp(Tensor images)
    {
        using var zero = 0f.ToScalar();
        using var one = 1f.ToScalar();
        return images.clamp_(zero, one);
    }
}
