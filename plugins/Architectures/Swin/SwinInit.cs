using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>Swin's initialisation (as timm's): truncated normal, std 0.02, for Linear weights and the bias tables; zero Linear biases.</summary>
public static class SwinInit
{
    public const double Std = 0.02;

    public static Linear Linear(long inFeatures, long outFeatures, bool hasBias = true)
    {
        var linear = nn.Linear(inFeatures, outFeatures, hasBias);
        using (no_grad())
        {
            TruncNormal(linear.weight!);
            if (linear.bias is { } bias)
            {
                nn.init.zeros_(bias);
            }
        }
        return linear;
    }

    /// <summary>
    /// Fills <paramref name="tensor"/> in place from a normal of std <see cref="Std"/> truncated to [-2, 2], as timm. Not
    /// nn.init.trunc_normal_: TorchSharp 0.107's native code swaps mean and std there, so every entry comes out equal to
    /// the std. The cut-offs are 100 std out, so clamping a normal draw gives the same distribution.
    /// </summary>
    public static void TruncNormal(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using (no_grad())
        {
            using var low = (-2.0).ToScalar();
            using var high = 2.0.ToScalar();
            tensor.normal_(0, Std).clamp_(low, high);
        }
    }
}
