using ClipHost.Abstractions.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// Swin Transformer (Liu et al. 2021; reference: microsoft/Swin-Transformer and timm's swin_transformer) as a CLIP image
/// tower, named after timm's state-dict keys (patch_embed, layers.N, norm): patch embedding, four stages of shifted-window
/// attention joined by patch merging, LayerNorm, global average pooling. Returns pooled features [B, final width].
/// </summary>
public sealed partial class SwinTransformer : ImageEncoder, IOpenClipVision
{
    private readonly SwinPatchEmbed patch_embed;
    private readonly Sequential layers;
    private readonly LayerNorm norm;
    private readonly SwinConfig _config;

    public SwinTransformer(string name, SwinConfig config)
        : base(name)
    {
        _config = config;
        patch_embed = new SwinPatchEmbed("patch_embed", config.Channels, config.EmbedDim, config.PatchSize);
        // Drop-path rates rise linearly over all blocks, from 0 to the configured rate.
        var total = config.Depths.Sum();
        var rates = Enumerable.Range(0, total).Select(i => total > 1 ? config.DropPath * i / (total - 1) : 0).ToArray();
        var stages = new List<(string, nn.Module<Tensor, Tensor>)>();
        var offset = 0;
        for (var s = 0; s < SwinConfig.Stages; s++)
        {
            stages.Add(($"{s}", new SwinStage($"{s}", config, s, rates[offset..(offset + config.Depths[s])])));
            offset += config.Depths[s];
        }
        layers = nn.Sequential(stages);
        norm = nn.LayerNorm(config.WidthAt(SwinConfig.Stages - 1));
        RegisterComponents();
    }

    public SwinConfig Config => _config;

    public override int FeatureDim => _config.WidthAt(SwinConfig.Stages - 1);

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(norm.call(layers.call(patch_embed.call(images))).mean([1, 2]));
    }

    /// <summary>Patch embedding, then per stage its patch merging and blocks, at the map sizes this image size gives.</summary>
    public override long ForwardMacs(int imageSize)
    {
        var c = _config with { ImageSize = imageSize };
        var macs = (long)c.Grid * c.Grid * c.EmbedDim * c.Channels * c.PatchSize * c.PatchSize;
        for (var s = 0; s < SwinConfig.Stages; s++)
        {
            var tokens = (long)c.SideAt(s) * c.SideAt(s);
            if (s > 0)
            {
                macs += PatchMerging.Macs(tokens, c.WidthAt(s - 1));
            }
            macs += c.Depths[s] * SwinBlock.Macs(tokens, c.WidthAt(s), c.WindowAt(s), c.HiddenAt(s));
        }
        return macs;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            patch_embed.Dispose();
            layers.Dispose();
            norm.Dispose();
        }
        base.Dispose(disposing);
    }
}
