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

    /// <summary>
    /// The open_clip name of a key inside a stack of these blocks: PyTorch's nn.MultiheadAttention (which open_clip
    /// uses) keeps the fused projection as the parameters in_proj_weight and in_proj_bias, where this block has a
    /// Linear named in_proj; every other name is already open_clip's.
    /// </summary>
    public static string OpenClipName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace(".attn.in_proj.weight", ".attn.in_proj_weight", StringComparison.Ordinal)
            .Replace(".attn.in_proj.bias", ".attn.in_proj_bias", StringComparison.Ordinal);
    }

    /// <summary>
    /// open_clip's text-tower initialisation for a stack of <paramref name="layers"/> blocks: attention input
    /// std width^-1/2, MLP input (2 width)^-1/2, and both output projections width^-1/2 (2 layers)^-1/2, so the
    /// residual stream's variance stays bounded however deep the stack. PyTorch's default uniform init is kept for
    /// the ViT encoder, as open_clip does.
    /// </summary>
    public void InitForDepth(int layers)
    {
        var width = ln_1.weight!.shape[0];
        var projStd = Math.Pow(width, -0.5) * Math.Pow(2.0 * layers, -0.5);
        attn.InitNormal(Math.Pow(width, -0.5), projStd);
        using (no_grad())
        {
            nn.init.normal_(MlpLayer("c_fc").weight!, std: Math.Pow(2.0 * width, -0.5));
            nn.init.normal_(MlpLayer("c_proj").weight!, std: projStd);
        }
    }

    private Linear MlpLayer(string name) => (Linear)mlp.named_children().Single(c => c.name == name).module;

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
