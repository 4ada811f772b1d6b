using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Modules;

/// <summary>
/// Multi-head self-attention with a fused input projection, named like PyTorch's nn.MultiheadAttention as
/// open_clip uses it (in_proj_weight, in_proj_bias, out_proj), computed with scaled_dot_product_attention.
/// </summary>
public sealed class SelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Parameter in_proj_weight;
    private readonly Parameter in_proj_bias;
    private readonly Linear out_proj;
    private readonly int _heads;
    private readonly bool _causal;

    public SelfAttention(string name, int width, int heads, bool causal)
        : base(name)
    {
        if (width % heads != 0)
        {
            throw new ArgumentException($"width {width} is not divisible by heads {heads}", nameof(heads));
        }
        (_heads, _causal) = (heads, causal);
        in_proj_weight = nn.Parameter(empty(3 * width, width));
        in_proj_bias = nn.Parameter(zeros(3 * width));
        out_proj = nn.Linear(width, width);
        using (no_grad())
        {
            nn.init.xavier_uniform_(in_proj_weight);
        }
        RegisterComponents();
    }

    /// <summary>x: [B, L, D] → [B, L, D].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (b, l, d) = (x.shape[0], x.shape[1], x.shape[2]);
        var qkv = nn.functional.linear(x, in_proj_weight, in_proj_bias)
            .view(b, l, 3, _heads, d / _heads)
            .permute(2, 0, 3, 1, 4);
        var attended = nn.functional.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], is_casual: _causal);
        var merged = attended.transpose(1, 2).reshape(b, l, d);
        return scope.MoveToOuter(out_proj.call(merged));
    }

    /// <summary>Multiply-accumulates for one sequence of <paramref name="tokens"/>: projections plus QK^T and AV.</summary>
    public static long Macs(int tokens, int width) => (4L * tokens * width * width) + (2L * tokens * tokens * width);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            in_proj_weight.Dispose();
            in_proj_bias.Dispose();
            out_proj.Dispose();
        }
        base.Dispose(disposing);
    }
}
