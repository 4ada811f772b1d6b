using ClipHost.Engine.Text;
using ClipHost.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Model;

/// <summary>
/// CLIP's text tower (Radford et al. 2021, Sec. 2.4; open_clip TextTransformer names: token_embedding,
/// positional_embedding, transformer.resblocks.N, ln_final): causal self-attention, features taken at the
/// end-of-text token.
/// </summary>
public sealed class TextTransformer : nn.Module<Tensor, Tensor>
{
    private readonly Embedding token_embedding;
    private readonly Parameter positional_embedding;
    private readonly Sequential transformer;
    private readonly LayerNorm ln_final;
    private readonly TextConfig _config;

    public TextTransformer(string name, TextConfig config)
        : base(name)
    {
        _config = config;
        token_embedding = nn.Embedding(config.VocabSize, config.Width);
        positional_embedding = nn.Parameter(empty(config.ContextLength, config.Width));
        var blocks = Enumerable.Range(0, config.Layers)
            .Select(i => ($"{i}", (nn.Module<Tensor, Tensor>)new TransformerBlock($"{i}", config.Width, config.Heads, config.MlpWidth, causal: true)))
            .ToList();
        transformer = nn.Sequential(("resblocks", nn.Sequential(blocks)));
        ln_final = nn.LayerNorm(config.Width);
        using (no_grad())
        {
            nn.init.normal_(token_embedding.weight!, std: 0.02);
            nn.init.normal_(positional_embedding, std: 0.01);
        }
        foreach (var block in blocks)
        {
            ((TransformerBlock)block.Item2).InitForDepth(config.Layers);
        }
        RegisterComponents();
    }

    public int Width => _config.Width;

    /// <summary>tokens [B, T] int64 → features at each sequence's EOT [B, Width].</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var x = token_embedding.call(tokens) + positional_embedding[TensorIndex.Slice(0, tokens.shape[1])];
        x = ln_final.call(transformer.call(x));
        var eot = tokens.eq(ClipTokenizer.EndOfText).to_type(ScalarType.Int64).argmax(-1);
        var pooled = x[arange(x.shape[0], device: x.device), eot];
        return scope.MoveToOuter(pooled);
    }

    /// <summary>Forward multiply-accumulates per caption, from the module shapes.</summary>
    public long ForwardMacs() => _config.Layers * TransformerBlock.Macs(_config.ContextLength, _config.Width, _config.MlpWidth);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            token_embedding.Dispose();
            positional_embedding.Dispose();
            transformer.Dispose();
            ln_final.Dispose();
        }
        base.Dispose(disposing);
    }
}
