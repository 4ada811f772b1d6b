using ClipHost.Modules;
using ClipHost.Plugins.Architectures.ResNet;
using ClipHost.Plugins.Architectures.Swin;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>
/// Counts multiply-accumulates from the real modules during a forward pass: every Linear and Conv2d from its weight
/// and output shapes, every attention block's QK^T and AV from its input (Swin's per window).
/// </summary>
public static class MacCounter
{
    public static long Count(nn.Module root, Action forward)
    {
        var counted = 0L;
        var removers = new List<Action>();
        foreach (var (_, module) in root.named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    removers.Add(linear.register_forward_hook((m, input, output) =>
                    {
                        counted += output.numel() * linear.weight!.shape[1];
                        return output;
                    }).remove);
                    break;
                case Conv2d conv:
                    removers.Add(conv.register_forward_hook((m, input, output) =>
                    {
                        var w = conv.weight!.shape;
                        counted += output.numel() * w[1] * w[2] * w[3];
                        return output;
                    }).remove);
                    break;
                case AttentionPool2d pool:
                    removers.Add(pool.register_forward_hook((m, input, output) =>
                    {
                        var (c, tokens) = (input.shape[1], (input.shape[2] * input.shape[3]) + 1);
                        counted += 2 * tokens * c; // one query (the mean) against every position: QK^T and AV
                        return output;
                    }).remove);
                    break;
                case SelfAttention attention:
                    removers.Add(attention.register_forward_hook((m, input, output) =>
                    {
                        var (l, d) = (input.shape[1], input.shape[2]);
                        counted += 2 * l * l * d; // QK^T and AV; both projections are Linears, counted above
                        return output;
                    }).remove);
                    break;
                case WindowAttention windowAttention:
                    removers.Add(windowAttention.register_forward_hook((m, input, output) =>
                    {
                        var (windows, n, d) = (input.shape[0], input.shape[1], input.shape[2]);
                        counted += windows * 2 * n * n * d; // QK^T and AV within each window; qkv and proj are Linears
                        return output;
                    }).remove);
                    break;
            }
        }
        try
        {
            using (no_grad())
            {
                forward();
            }
            return counted;
        }
        finally
        {
            removers.ForEach(remove => remove());
        }
    }
}
