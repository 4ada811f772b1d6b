using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>LayerNorm over the channels of a [B, C, H, W] map (timm's LayerNorm2d: parameters weight and bias).</summary>
public sealed class LayerNorm2d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly long[] _shape;

    public LayerNorm2d(string name, int channels)
        : base(name)
    {
        weight = nn.Parameter(ones(channels));
        bias = nn.Parameter(zeros(channels));
        _shape = [channels];
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(nn.functional.layer_norm(x.permute(0, 2, 3, 1), _shape, weight, bias, 1e-6).permute(0, 3, 1, 2));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            weight.Dispose();
            bias.Dispose();
        }
        base.Dispose(disposing);
    }
}
