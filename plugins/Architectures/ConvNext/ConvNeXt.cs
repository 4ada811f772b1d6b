using ClipHost.Abstractions.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>
/// ConvNeXt (Liu et al. 2022) as a CLIP image tower, named after timm's state-dict keys (stem.0/1, stages.N, head.norm):
/// patchify stem, four stages, global average pooling, LayerNorm. Returns pooled features [B, last width].
/// </summary>
public sealed partial class ConvNeXt : ImageEncoder, IOpenClipVision
{
    private readonly Sequential stem;
    private readonly Sequential stages;
    private readonly Sequential head;
    private readonly ConvNextConfig _config;

    public ConvNeXt(string name, ConvNextConfig config)
        : base(name)
    {
        _config = config;
        stem = nn.Sequential(("0", nn.Conv2d(config.Channels, config.Widths[0], config.StemPatch, stride: config.StemPatch)), ("1", new LayerNorm2d("1", config.Widths[0])));
        // Drop-path rates rise linearly over all blocks, from 0 to the configured rate.
        var total = config.Depths.Sum();
        var rates = Enumerable.Range(0, total).Select(i => total > 1 ? config.DropPath * i / (total - 1) : 0).ToArray();
        var list = new List<(string, nn.Module<Tensor, Tensor>)>();
        var (offset, inWidth) = (0, config.Widths[0]);
        for (var s = 0; s < 4; s++)
        {
            list.Add(($"{s}", new ConvNextStage($"{s}", inWidth, config.Widths[s], config.Depths[s], rates[offset..(offset + config.Depths[s])], config.LayerScaleInit, downsamples: s > 0)));
            (offset, inWidth) = (offset + config.Depths[s], config.Widths[s]);
        }
        stages = nn.Sequential(list);
        head = nn.Sequential(("norm", nn.LayerNorm(config.Widths[3], eps: 1e-6)));
        RegisterComponents();
    }

    public override int FeatureDim => _config.Widths[3];

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(head.call(stages.call(stem.call(images)).mean([2, 3])));
    }

    /// <summary>Stem, every stage's downsampling and blocks, at the map sizes this image size gives.</summary>
    public override long ForwardMacs(int imageSize)
    {
        var c = _config;
        var stemSide = c.SideAt(imageSize, 0);
        var macs = (long)stemSide * stemSide * c.Widths[0] * c.Channels * c.StemPatch * c.StemPatch;
        for (var s = 0; s < 4; s++)
        {
            var side = c.SideAt(imageSize, s);
            if (s > 0)
            {
                macs += (long)side * side * c.Widths[s] * c.Widths[s - 1] * 4;
            }
            macs += c.Depths[s] * ConvNextBlock.Macs(side, c.Widths[s]);
        }
        return macs;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stem.Dispose();
            stages.Dispose();
            head.Dispose();
        }
        base.Dispose(disposing);
    }
}
