using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>One Mixer layer: pre-norm token mixing (an MLP across tokens, per channel), then pre-norm channel mixing; both residual.</summary>
public sealed class MixerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly MixerMlp mlp_tokens;
    private readonly LayerNorm norm2;
    private readonly MixerMlp mlp_channels;

    public MixerBlock(string name, int tokens, int width, int tokenMlp, int channelMlp)
        : base(name)
    {
        norm1 = nn.LayerNorm(width, eps: 1e-6);
        mlp_tokens = new MixerMlp("mlp_tokens", tokens, tokenMlp);
        norm2 = nn.LayerNorm(width, eps: 1e-6);
        mlp_channels = new MixerMlp("mlp_channels", width, channelMlp);
        RegisterComponents();
    }

    /// <summary>Multiply-accumulates of one block on [T, C] tokens: two Linears across tokens per channel, two across channels per token.</summary>
    public static long Macs(int tokens, int width, int tokenMlp, int channelMlp) =>
        (2L * width * tokens * tokenMlp) + (2L * tokens * width * channelMlp);

    /// <param name="x">Tokens [B, T, C].</param>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var mixed = x + mlp_tokens.call(norm1.call(x).transpose(1, 2)).transpose(1, 2);
        return scope.MoveToOuter(mixed + mlp_channels.call(norm2.call(mixed)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            norm1.Dispose();
            mlp_tokens.Dispose();
            norm2.Dispose();
            mlp_channels.Dispose();
        }
        base.Dispose(disposing);
    }
}
