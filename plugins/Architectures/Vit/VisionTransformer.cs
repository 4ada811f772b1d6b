using ClipHost.Abstractions.Architectures;
using ClipHost.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Vit;

/// <summary>
/// Vision Transformer (Dosovitskiy et al. 2021) in CLIP's form, with open_clip's state-dict names
/// (conv1, class_embedding, positional_embedding, ln_pre, transformer.resblocks.N, ln_post). Returns pooled
/// features before the CLIP projection; <see cref="ForwardVisible"/> runs on a subset of patches (FLIP).
/// </summary>
public sealed partial class VisionTransformer : ImageEncoder, IPatchTokenEncoder, IOpenClipVision
{
    private readonly Conv2d conv1;
    private readonly Parameter? class_embedding;
    private readonly Parameter positional_embedding;
    private readonly LayerNorm ln_pre;
    private readonly Sequential transformer;
    private readonly LayerNorm ln_post;
    private readonly VitConfig _config;

    public VisionTransformer(string name, VitConfig config)
        : base(name)
    {
        _config = config;
        conv1 = nn.Conv2d(config.Channels, config.Width, config.PatchSize, stride: config.PatchSize, bias: false);
        var scale = Math.Pow(config.Width, -0.5);
        if (config.ClassToken)
        {
            class_embedding = nn.Parameter(randn(config.Width) * scale);
        }
        positional_embedding = nn.Parameter(randn(config.PatchCount + (config.ClassToken ? 1 : 0), config.Width) * scale);
        ln_pre = nn.LayerNorm(config.Width);
        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i < config.Depth; i++)
        {
            blocks.Add(($"{i}", new TransformerBlock($"{i}", config.Width, config.Heads, config.MlpWidth, causal: false)));
        }
        transformer = nn.Sequential(("resblocks", nn.Sequential(blocks)));
        ln_post = nn.LayerNorm(config.Width);
        RegisterComponents();
    }

    public VitConfig Config => _config;

    public override int FeatureDim => _config.Width;

    public int PatchCount(int imageSize) => (imageSize / _config.PatchSize) * (imageSize / _config.PatchSize);

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var tokens = Embed(images) + positional_embedding[TensorIndex.Slice(_config.ClassToken ? 1 : 0)];
        return scope.MoveToOuter(Encode(tokens));
    }

    public Tensor ForwardVisible(Tensor images, Tensor keepIndices)
    {
        using var scope = NewDisposeScope();
        var tokens = Embed(images) + positional_embedding[TensorIndex.Slice(_config.ClassToken ? 1 : 0)];
        var index = keepIndices.unsqueeze(-1).expand(-1, -1, _config.Width);
        return scope.MoveToOuter(Encode(tokens.gather(1, index)));
    }

    public override long ForwardMacs(int imageSize) => ForwardMacs(imageSize, PatchCount(imageSize));

    public long ForwardMacs(int imageSize, int visibleTokens)
    {
        var patchEmbed = (long)PatchCount(imageSize) * _config.PatchSize * _config.PatchSize * _config.Channels * _config.Width;
        var sequence = visibleTokens + (_config.ClassToken ? 1 : 0);
        return patchEmbed + (_config.Depth * TransformerBlock.Macs(sequence, _config.Width, _config.MlpWidth));
    }

    /// <summary>Patches as tokens [B, L, D], without positions.</summary>
    private Tensor Embed(Tensor images) => conv1.call(images).flatten(2).transpose(1, 2);

    /// <summary>Adds the class token, runs the blocks and pools.</summary>
    private Tensor Encode(Tensor tokens)
    {
        if (class_embedding is not null)
        {
            var cls = (class_embedding + positional_embedding[0]).expand(tokens.shape[0], 1, -1);
            tokens = cat([cls, tokens], dim: 1);
        }
        var x = transformer.call(ln_pre.call(tokens));
        var pooled = class_embedding is not null ? x[TensorIndex.Colon, 0] : x.mean([1]);
        return ln_post.call(pooled);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            class_embedding?.Dispose();
            positional_embedding.Dispose();
            ln_pre.Dispose();
            transformer.Dispose();
            ln_post.Dispose();
        }
        base.Dispose(disposing);
    }
}
