using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>
/// CLIP's bottleneck block: 1x1, 3x3, 1x1 convolutions with BatchNorm and ReLU, where a strided block downsamples with a
/// 2x2 average pool after the 3x3 convolution (not a strided convolution), and its shortcut pools before a 1x1
/// convolution, so no pixel is skipped. Named as open_clip's ModifiedResNet (conv1..3, bn1..3, downsample.0/1).
/// </summary>
public sealed class Bottleneck : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d bn3;
    private readonly AvgPool2d? avgpool;
    private readonly Sequential? downsample;

    public Bottleneck(string name, int inChannels, int planes, int stride, bool zeroInitResidual)
        : base(name)
    {
        var outChannels = planes * ResNetConfig.Expansion;
        conv1 = nn.Conv2d(inChannels, planes, 1, bias: false);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = nn.Conv2d(planes, planes, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(planes);
        avgpool = stride > 1 ? nn.AvgPool2d(stride) : null;
        conv3 = nn.Conv2d(planes, outChannels, 1, bias: false);
        bn3 = nn.BatchNorm2d(outChannels);
        if (stride > 1 || inChannels != outChannels)
        {
            // CLIP names the pool "-1" so the convolution and its norm keep torchvision's downsample.0 / .1 keys.
            var shortcut = new List<(string, nn.Module<Tensor, Tensor>)>();
            if (stride > 1)
            {
                shortcut.Add(("-1", nn.AvgPool2d(stride)));
            }
            shortcut.Add(("0", nn.Conv2d(inChannels, outChannels, 1, bias: false)));
            shortcut.Add(("1", nn.BatchNorm2d(outChannels)));
            downsample = nn.Sequential(shortcut);
        }
        if (zeroInitResidual)
        {
            using (no_grad())
            {
                // Each block starts as the identity, which keeps deep stacks trainable from the first step.
                nn.init.zeros_(bn3.weight!);
            }
        }
        RegisterComponents();
    }

    /// <summary>Multiply-accumulates for one block entering at <paramref name="side"/> x <paramref name="side"/>.</summary>
    public static long Macs(int side, int inChannels, int planes, int stride)
    {
        var outChannels = (long)planes * ResNetConfig.Expansion;
        var outSide = side / stride;
        var macs = ((long)side * side * planes * inChannels) + ((long)side * side * planes * planes * 9) + ((long)outSide * outSide * outChannels * planes);
        return stride > 1 || inChannels != outChannels ? macs + ((long)outSide * outSide * outChannels * inChannels) : macs;
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.relu(bn1.call(conv1.call(x)));
        y = nn.functional.relu(bn2.call(conv2.call(y)));
        if (avgpool is not null)
        {
            y = avgpool.call(y);
        }
        y = bn3.call(conv3.call(y));
        var identity = downsample is null ? x : downsample.call(x);
        return scope.MoveToOuter(nn.functional.relu(y + identity));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            conv2.Dispose();
            bn2.Dispose();
            conv3.Dispose();
            bn3.Dispose();
            avgpool?.Dispose();
            downsample?.Dispose();
        }
        base.Dispose(disposing);
    }
}
