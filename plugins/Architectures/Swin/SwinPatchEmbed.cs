using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>Non-overlapping patches to a channels-last map [B, H, W, C] by one strided convolution, then LayerNorm (timm's patch_embed.proj, patch_embed.norm).</summary>
public sealed class SwinPatchEmbed : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d proj;
    private readonly LayerNorm norm;

    public SwinPatchEmbed(string name, int channels, int width, int patch)
        : base(name)
    {
        proj = nn.Conv2d(channels, width, patch, stride: patch);
        norm = nn.LayerNorm(width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(norm.call(proj.call(images).permute(0, 2, 3, 1)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            proj.Dispose();
            norm.Dispose();
        }
        base.Dispose(disposing);
    }
}
