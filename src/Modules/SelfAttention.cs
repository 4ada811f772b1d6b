using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Modules;

/// <summary>
/// Multi-head self-attention with a fused QKV projection (in_proj, out_proj as in PyTorch's nn.MultiheadAttention,
/// each an nn.Linear so mixed precision treats them like every other Linear), computed with
/// scaled_dot_product_attention in the projection weights' dtype: bf16 under bf16-mixed, fp32 otherwise.
/// </summary>
public sealed class SelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear in_proj;
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
        in_proj = nn.Linear(width, 3 * width);
        out_proj = nn.Linear(width, width);
        using (no_grad())
        {
            nn.init.xavier_uniform_(in_proj.weight!);
            nn.init.zeros_(in_proj.bias!);
        }
        RegisterComponents();
    }

    /// <summary>
    /// Redraws the projections from normal distributions (open_clip's text-tower scheme); biases zero as in
    /// nn.MultiheadAttention.
    /// </summary>
    public void InitNormal(double inStd, double outStd)
    {
        using (no_grad())
        {
            nn.init.normal_(in_proj.weight!, std: inStd);
            nn.init.zeros_(in_proj.bias!);
            nn.init.normal_(out_proj.weight!, std: outStd);
            nn.init.zeros_(out_proj.bias!);
        }
    }

    /// <summary>x: [B, L, D] → [B, L, D].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (b, l, d) = (x.shape[0], x.shape[1], x.shape[2]);
        var compute = in_proj.weight!.dtype;
        var qkv = in_proj.call(x).to_type(compute)
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
            in_proj.Dispose();
            out_proj.Dispose();
        }
        base.Dispose(disposing);
    }
}
