using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>
/// One ConvNeXt block (Liu et al. 2022): depthwise 7x7 convolution, LayerNorm, Linear 4x, GELU, Linear back, per-channel
/// layer scale (gamma), stochastic depth, residual. Named as timm (conv_dw, norm, mlp.fc1, mlp.fc2, gamma).
/// </summary>
public sealed class ConvNextBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv_dw;
    private readonly LayerNorm norm;
    private readonly Sequential mlp;
    private readonly Parameter gamma;
    private readonly double _dropPath;

    public ConvNextBlock(string name, int width, double dropPath, double layerScaleInit)
        : base(name)
    {
        conv_dw = nn.Conv2d(width, width, 7, padding: 3, groups: width);
        norm = nn.LayerNorm(width, eps: 1e-6);
        mlp = nn.Sequential(("fc1", nn.Linear(width, 4 * width)), ("act", nn.GELU()), ("fc2", nn.Linear(4 * width, width)));
        gamma = nn.Parameter(full(width, layerScaleInit));
        _dropPath = dropPath;
        RegisterComponents();
    }

    /// <summary>Multiply-accumulates on a side x side map: depthwise 7x7 per channel, then the two Linears per position.</summary>
    public static long Macs(int side, int width) => (long)side * side * width * ((7 * 7) + (8L * width));

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = mlp.call(norm.call(conv_dw.call(x).permute(0, 2, 3, 1))) * gamma;
        y = y.permute(0, 3, 1, 2);
        if (training && _dropPath > 0)
        {
            // Per-sample stochastic depth, rescaled so the expectation is unchanged.
            var keep = 1 - _dropPath;
            using var keepScalar = keep.ToScalar();
            var mask = rand([x.shape[0], 1, 1, 1], device: x.device).lt(keepScalar).to_type(y.dtype).div_(keepScalar);
            y = y * mask;
        }
        return scope.MoveToOuter(x + y);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv_dw.Dispose();
            norm.Dispose();
            mlp.Dispose();
            gamma.Dispose();
        }
        base.Dispose(disposing);
    }
}
