using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// A stage: patch merging from the previous stage (all but the first; timm 0.9 and later put it at the start of the
/// stage, as here), then blocks alternating regular and shifted windows (timm: downsample, blocks).
/// </summary>
public sealed class SwinStage : nn.Module<Tensor, Tensor>
{
    private readonly PatchMerging? downsample;
    private readonly Sequential blocks;

    public SwinStage(string name, SwinConfig config, int stage, IReadOnlyList<double> dropPaths)
        : base(name)
    {
        if (stage > 0)
        {
            downsample = new PatchMerging("downsample", config.WidthAt(stage - 1));
        }
        var (side, window) = (config.SideAt(stage), config.WindowAt(stage));
        blocks = nn.Sequential(Enumerable.Range(0, config.Depths[stage]).Select(i => ($"{i}", (nn.Module<Tensor, Tensor>)new SwinBlock(
            $"{i}",
            side,
            config.WidthAt(stage),
            config.Heads[stage],
            window,
            i % 2 == 1 ? config.ShiftAt(stage) : 0,
            config.HiddenAt(stage),
            dropPaths[i]))));
        RegisterComponents();
    }

    /// <param name="x">Feature map [B, H, W, C] of the previous stage (or of the patch embedding).</param>
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
