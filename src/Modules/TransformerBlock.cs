using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Modules;

/// <summary>
/// Pre-norm transformer block as in CLIP and open_clip's ResidualAttentionBlock (ln_1, attn, ln_2,
/// mlp.c_fc / mlp.c_proj with GELU), used by the text tower and the ViT encoder alike.
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm ln_1;
    private readonly SelfAttention attn;
    private readonly LayerNorm ln_2;
    private readonly Sequential mlp;

    public TransformerBlock(string name, int width, int heads, int mlpWidth, bool causal)
        : base(name)
    {
        ln_1 = nn.LayerNorm(width);
        attn = new SelfAttention("attn", width, heads, causal);
        ln_2 = nn.LayerNorm(width);
        mlp = nn.Sequential(("c_fc", nn.Linear(width, mlpWidth)), ("gelu", nn.GELU()), ("c_proj", nn.Linear(mlpWidth, width)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = x + attn.call(ln_1.call(x));
        return scope.MoveToOuter(h + mlp.call(ln_2.call(h)));
    }

    /// <summary>Multiply-accumulates for one sequence: attention plus the two MLP matmuls.</summary>
    public static long Macs(int tokens, int width, int mlpWidth) =>
        SelfAttention.Macs(tokens, width) + (2L * tokens * width * mlpWidth);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ln_1.Dispose();
            attn.Dispose();
            ln_2.Dispose();
            mlp.Dispose();
        }
        base.Dispose(disposing);
    }
}
