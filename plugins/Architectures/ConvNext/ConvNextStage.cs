using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>A stage: downsampling (LayerNorm2d, 2x2 stride-2 convolution; every stage but the first, as timm, whatever the widths) then its blocks (timm: downsample, blocks).</summary>
public sealed class ConvNextStage : nn.Module<Tensor, Tensor>
{
    private readonly Sequential? downsample;
    private readonly Sequential blocks;

    public ConvNextStage(string name, int inWidth, int width, int depth, IReadOnlyList<double> dropPaths, double layerScaleInit, bool downsamples)
        : base(name)
    {
        if (downsamples)
        {
            downsample = nn.Sequential(("0", new LayerNorm2d("0", inWidth)), ("1", nn.Conv2d(inWidth, width, 2, stride: 2)));
        }
        blocks = nn.Sequential(Enumerable.Range(0, depth).Select(i => ($"{i}", (nn.Module<Tensor, Tensor>)new ConvNextBlock($"{i}", width, dropPaths[i], layerScaleInit))));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(blocks.call(downsample is null ? x : downsample.call(x)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            downsample?.Dispose();
            blocks.Dispose();
        }
        base.Dispose(disposing);
    }
}
