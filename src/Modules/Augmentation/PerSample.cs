using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>Per-sample random draws and per-sample selection, shared by the ops.</summary>
internal static class PerSample
{
    /// <summary>float32 [n], uniform in [low, high).</summary>
    public static Tensor Uniform(long n, double low, double high, Generator generator, Device device)
    {
        using var width = (high - low).ToScalar();
        using var offset = low.ToScalar();
        return rand(n, dtype: ScalarType.Float32, device: device, generator: generator).mul_(width).add_(offset);
    }

    /// <summary>bool [n], each true with probability p (exactly never for 0, always for 1, as rand is in [0, 1)).</summary>
    public static Tensor Coin(long n, double p, Generator generator, Device device)
    {
        using var threshold = p.ToScalar();
        using var draws = rand(n, dtype: ScalarType.Float32, device: device, generator: generator);
        return draws.lt(threshold);
    }

    /// <summary>float32 [n] of -1 and +1 with equal odds.</summary>
    public static Tensor Sign(long n, Generator generator, Device device)
    {
        using var two = 2.ToScalar();
        using var one = 1.ToScalar();
        return randint(0, 2, [n], dtype: ScalarType.Float32, device: device, generator: generator).mul_(two).sub_(one);
    }

    /// <summary><paramref name="chosen"/> where <paramref name="mask"/> [B] is true, else <paramref name="other"/>.</summary>
    public static Tensor Where(Tensor mask, Tensor chosen, Tensor other)
    {
        using var m = mask.view(-1, 1, 1, 1);
        return where(m, chosen, other);
    }

    /// <summary>
    /// torchvision's RandomApply over a batch: each sample gets <paramref name="transform"/>'s result with probability
    /// <paramref name="p"/>, else stays as it was. The coins are drawn before the transform draws its own parameters.
    /// </summary>
    public static Tensor Sometimes(Tensor images, double p, Generator generator, Func<Tensor, Tensor> transform)
    {
        using var scope = NewDisposeScope();
        var chosen = Coin(images.shape[0], p, generator, images.device);
        return scope.MoveToOuter(Where(chosen, transform(images), images));
    }

    /// <summary>A [B] factor reshaped to broadcast over [B, C, H, W].</summary>
    public static Tensor Broadcast(Tensor factor) => factor.view(-1, 1, 1, 1);
}
