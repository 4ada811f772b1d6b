using ClipHost.Modules.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Augmentation;

/// <summary>Synthetic batches for the augmentation tests, and the comparisons they share.</summary>
public static class AugmentationImages
{
    /// <summary>float32 [B, 3, side, side] in [0, 1]: 8 × 8 noise enlarged bilinearly, so every sample has its own smooth structure.</summary>
    public static Tensor Smooth(int batch, int side, ulong seed = 1)
    {
        using var generator = new Generator(seed, CPU);
        using var coarse = rand([batch, 3, 8, 8], generator: generator);
        return nn.functional.interpolate(coarse, [side, side], mode: InterpolationMode.Bilinear, align_corners: false);
    }

    /// <summary>Stored pixels as the engine hands them over: uint8 [B, side, side, 3].</summary>
    public static Tensor Raw(int batch, int side, ulong seed = 1)
    {
        using var generator = new Generator(seed, CPU);
        return randint(0, 256, [batch, side, side, 3], dtype: ScalarType.Byte, generator: generator);
    }

    /// <summary><paramref name="batch"/> copies of the first image of <paramref name="images"/>.</summary>
    public static Tensor Copies(Tensor images, int batch)
    {
        using var first = images.narrow(0, 0, 1);
        return first.expand(batch, -1, -1, -1).contiguous();
    }

    /// <summary>One image [1, C, H, W] whose every pixel has the colour <paramref name="rgb"/>.</summary>
    public static Tensor Constant(int side, params float[] rgb)
    {
        using var colour = tensor(rgb, [1, rgb.Length, 1, 1]);
        return colour.expand(1, rgb.Length, side, side).contiguous();
    }

    /// <summary>Runs <paramref name="augmentation"/> with a fresh generator seeded <paramref name="seed"/>.</summary>
    public static Tensor Run(IBatchAugmentation augmentation, Tensor images, ulong seed)
    {
        using var generator = new Generator(seed, CPU);
        return augmentation.Apply(images, generator);
    }

    /// <summary>Runs <paramref name="policy"/> with a fresh generator seeded <paramref name="seed"/>.</summary>
    public static Tensor Run(AugmentationPipeline policy, Tensor raw, ulong seed)
    {
        using var generator = new Generator(seed, CPU);
        return policy.Apply(raw, generator);
    }

    /// <summary>Same shape and bit-identical values.</summary>
    public static bool Identical(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.allclose(b, rtol: 0, atol: 0);

    /// <summary>Same shape and values within <paramref name="tolerance"/>.</summary>
    public static bool Near(Tensor a, Tensor b, double tolerance = 1e-5) => a.shape.SequenceEqual(b.shape) && a.allclose(b, rtol: 0, atol: tolerance);

    /// <summary>How many bit-distinct samples a batch holds.</summary>
    public static int DistinctSamples(Tensor batch)
    {
        var kept = new List<Tensor>();
        for (var i = 0; i < batch.shape[0]; i++)
        {
            var sample = batch[i];
            if (kept.Any(k => Identical(k, sample)))
            {
                sample.Dispose();
            }
            else
            {
                kept.Add(sample);
            }
        }
        var count = kept.Count;
        kept.ForEach(k => k.Dispose());
        return count;
    }

    /// <summary>The smallest and largest value of a tensor.</summary>
    public static (float Min, float Max) Range(Tensor t)
    {
        using var min = t.min();
        using var max = t.max();
        return (min.item<float>(), max.item<float>());
    }
}
