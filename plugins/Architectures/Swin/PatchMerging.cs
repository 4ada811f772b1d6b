using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// Swin's downsampling (Liu et al. 2021, Sec. 3.1): each 2x2 neighbourhood concatenated to 4C, LayerNorm, a Linear to
/// 2C without bias. Named as timm (norm, reduction).
/// </summary>
public sealed class PatchMerging : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Linear reduction;

    public PatchMerging(string name, int inWidth)
        : base(name)
    {
        norm = nn.LayerNorm(4 * inWidth);
        reduction = SwinInit.Linear(4 * inWidth, 2 * inWidth, hasBias: false);
        RegisterComponents();
    }

    /// <summary>Multiply-accumulates for <paramref name="outTokens"/> merged tokens: the 4C to 2C reduction.</summary>
    public static long Macs(long outTokens, int inWidth) => outTokens * 4L * inWidth * 2L * inWidth;

    /// <param name="x">Feature map [B, H, W, C] with even H and W; returns [B, H/2, W/2, 2C].</param>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (b, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        // The four neighbours go in the original's order, row offset fastest ((0,0), (1,0), (0,1), (1,1)), so the
        // norm and reduction weights of the published checkpoints apply unchanged.
        var merged = x.view(b, h / 2, 2, w / 2, 2, c).permute(0, 1, 3, 4, 2, 5).reshape(b, h / 2, w / 2, 4 * c);
        return scope.MoveToOuter(reduction.call(norm.call(merged)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            norm.Dispose();
            reduction.Dispose();
        }
        base.Dispose(disposing);
    }
}
