using ClipHost.Abstractions.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Precision;

/// <summary>
/// Finds the parts of a model that compute in bf16 under bf16-mixed: the largest subtrees made only of modules whose
/// numerics LibTorch keeps sound in bf16 (Linear and convolutions with bf16 weights; LayerNorm, which accumulates its
/// statistics in fp32 and keeps fp32 weights; GELU, dropout) and of plugin containers with no parameters of their own
/// (a transformer block, an attention module) that only compose such modules. A region is entered once (its input cast
/// to bf16) and left once (its output cast to fp32), so a stack of transformer blocks keeps its residual stream, MLP
/// hidden and attention inputs in bf16 rather than casting at every Linear. A lone Linear or convolution outside any
/// such subtree (a patch embedding beside positional parameters, a projection) is a region of its own. Anything marked
/// <see cref="IKeepsFullPrecision"/>, a module with its own parameters or buffers, and an unknown leaf module stay
/// outside: their arithmetic is the plugin's, and fp32 is what it was written for.
/// </summary>
internal static class Bf16Regions
{
    /// <summary>The region roots under <paramref name="root"/>, by name, outermost first, none inside another.</summary>
    public static List<(string Name, nn.Module<Tensor, Tensor> Module)> Find(nn.Module root)
    {
        var regions = new List<(string, nn.Module<Tensor, Tensor>)>();
        Collect(string.Empty, root, regions);
        return regions;
    }

    public static bool IsMatmul(nn.Module module) => module is Linear or Conv1d or Conv2d;

    private static void Collect(string name, nn.Module module, List<(string, nn.Module<Tensor, Tensor>)> regions)
    {
        if (module is IKeepsFullPrecision)
        {
            return;
        }
        if (module is nn.Module<Tensor, Tensor> typed && Eligible(module) && ContainsMatmul(module))
        {
            regions.Add((name, typed));
            return;
        }
        foreach (var (childName, child) in module.named_children())
        {
            Collect(name.Length == 0 ? childName : $"{name}.{childName}", child, regions);
        }
    }

    private static bool Eligible(nn.Module module) => module switch
    {
        IKeepsFullPrecision => false,
        Linear or Conv1d or Conv2d or LayerNorm or GELU or Dropout or Identity => true,
        _ => module.named_children().Any()
            && !module.named_parameters(recurse: false).Any()
            && !module.named_buffers(recurse: false).Any()
            && module.named_children().All(c => Eligible(c.module)),
    };

    private static bool ContainsMatmul(nn.Module module) => IsMatmul(module) || module.modules().Any(IsMatmul);
}
