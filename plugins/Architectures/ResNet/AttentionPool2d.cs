using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>
/// CLIP's attention pooling: the last feature map's positions plus their mean, with learned positional embeddings, and
/// one multi-head attention step in which only the mean asks (the query) and every position answers (keys, values).
/// Named as open_clip (positional_embedding, q_proj, k_proj, v_proj, c_proj).
/// </summary>
public sealed class AttentionPool2d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter positional_embedding;
    private readonly Linear q_proj;
    private readonly Linear k_proj;
    private readonly Linear v_proj;
    private readonly Linear c_proj;
    private readonly int _heads;

    public AttentionPool2d(string name, int side, int width, int heads)
        : base(name)
    {
        if (width % heads != 0)
        {
            throw new ArgumentException($"width {width} is not divisible by heads {heads}", nameof(heads));
        }
        _heads = heads;
        using (no_grad())
        {
            using var scale = Math.Pow(width, -0.5).ToScalar();
            positional_embedding = nn.Parameter(randn((side * side) + 1, width).mul_(scale));
        }
        q_proj = nn.Linear(width, width);
        k_proj = nn.Linear(width, width);
        v_proj = nn.Linear(width, width);
        c_proj = nn.Linear(width, width);
        using (no_grad())
        {
            foreach (var linear in new[] { q_proj, k_proj, v_proj, c_proj })
            {
                nn.init.normal_(linear.weight!, std: Math.Pow(width, -0.5));
            }
        }
        RegisterComponents();
    }

    /// <summary>Multiply-accumulates for a <paramref name="side"/> x <paramref name="side"/> map: keys and values at every position and the mean, the query and output at the mean alone.</summary>
    public static long Macs(int side, int width)
    {
        var tokens = ((long)side * side) + 1;
        return (2 * tokens * width * width) + (2L * width * width) + (2 * tokens * width);
    }

    /// <summary>x: [B, C, H, W] → [B, C].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (b, c) = (x.shape[0], x.shape[1]);
        var tokens = x.flatten(2).transpose(1, 2);
        tokens = cat([tokens.mean([1], keepdim: true), tokens], 1) + positional_embedding.to_type(tokens.dtype);
        var l = tokens.shape[1];
        var q = q_proj.call(tokens.narrow(1, 0, 1)).view(b, 1, _heads, c / _heads).transpose(1, 2);
        var k = k_proj.call(tokens).view(b, l, _heads, c / _heads).transpose(1, 2);
        var v = v_proj.call(tokens).view(b, l, _heads, c / _heads).transpose(1, 2);
        var compute = q_proj.weight!.dtype;
        var pooled = nn.functional.scaled_dot_product_attention(q.to_type(compute), k.to_type(compute), v.to_type(compute));
        return scope.MoveToOuter(c_proj.call(pooled.transpose(1, 2).reshape(b, c)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            positional_embedding.Dispose();
            q_proj.Dispose();
            k_proj.Dispose();
            v_proj.Dispose();
            c_proj.Dispose();
        }
        base.Dispose(disposing);
    }
}
