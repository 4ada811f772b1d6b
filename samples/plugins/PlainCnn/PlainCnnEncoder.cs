using ClipHost.Abstractions.Architectures;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Samples.PlainCnn;

/// <summary>
/// The encoder: an <see cref="ImageEncoder"/> returns pooled features [B, FeatureDim] (the engine adds the CLIP
/// projection) and counts its own forward multiply-adds from its shapes, which the engine uses for compute budgets.
/// Fields are named like the state-dict keys they become (stages.N.M.conv, stages.N.M.bn).
/// </summary>
public sealed class PlainCnnEncoder : ImageEncoder
{
    private readonly Sequential stages;
    private readonly IReadOnlyList<int> _widths;
    private readonly int _channels;
    private readonly int _blocks;

    public PlainCnnEncoder(string name, int channels, IReadOnlyList<int> widths, int blocksPerStage)
        : base(name)
    {
        (_channels, _widths, _blocks) = (channels, widths, blocksPerStage);
        var stageList = new List<(string, nn.Module<Tensor, Tensor>)>();
        var inWidth = channels;
        for (var s = 0; s < 4; s++)
        {
            var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (var b = 0; b < blocksPerStage; b++)
            {
                // The first convolution of stages 1-3 strides by 2: downsampling without a separate pool.
                var stride = s > 0 && b == 0 ? 2 : 1;
                blocks.Add(($"{b}", nn.Sequential(
                    ("conv", nn.Conv2d(inWidth, widths[s], 3, stride: stride, padding: 1, bias: false)),
                    ("bn", nn.BatchNorm2d(widths[s])),
                    ("act", nn.ReLU()))));
                inWidth = widths[s];
            }
            stageList.Add(($"{s}", nn.Sequential(blocks)));
        }
        stages = nn.Sequential(stageList);
        RegisterComponents();
    }

    public override int FeatureDim => _widths[3];

    public override Tensor forward(Tensor images)
    {
        // Every temporary of the pass is freed when the scope ends; only the result moves out.
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(stages.call(images).mean([2, 3]));
    }

    public override long ForwardMacs(int imageSize)
    {
        var (macs, inWidth, side) = (0L, _channels, imageSize);
        for (var s = 0; s < 4; s++)
        {
            for (var b = 0; b < _blocks; b++)
            {
                side = s > 0 && b == 0 ? side / 2 : side;
                macs += (long)side * side * _widths[s] * inWidth * 9;
                inWidth = _widths[s];
            }
        }
        return macs;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stages.Dispose();
        }
        base.Dispose(disposing);
    }
}
