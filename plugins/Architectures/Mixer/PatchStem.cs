using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>Non-overlapping patches to tokens [B, T, C] by one strided convolution (timm's stem.proj).</summary>
public sealed class PatchStem : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d proj;

    public PatchStem(string name, int channels, int width, int patch)
        : base(name)
    {
        proj = nn.Conv2d(channels, width, patch, stride: patch);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(proj.call(images).flatten(2).transpose(1, 2));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            proj.Dispose();
        }
        base.Dispose(disposing);
    }
}
