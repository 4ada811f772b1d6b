using ClipHost.Abstractions.Architectures;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>
/// CLIP's modified ResNet (Radford et al. 2021) as an image tower, named after open_clip's state-dict keys: a stem of
/// three 3x3 convolutions (conv1..3, bn1..3) and an average pool instead of one 7x7 convolution and a max pool, four
/// stages of anti-aliased bottlenecks (layer1..4), and attention pooling (attnpool) instead of a global average.
/// Returns pooled features [B, width x 32].
/// </summary>
public sealed partial class ModifiedResNet : ImageEncoder, IOpenClipVision
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d bn3;
    private readonly AvgPool2d? avgpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly AttentionPool2d attnpool;
    private readonly ResNetConfig _config;

    public ModifiedResNet(string name, ResNetConfig config)
        : base(name)
    {
        _config = config;
        var half = config.Width / 2;
        // Stem stride 4 = a stride-2 first convolution and the pool; 2 = the pool only; 1 = neither.
        conv1 = nn.Conv2d(config.Channels, half, 3, stride: config.StemStride == 4 ? 2 : 1, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(half);
        conv2 = nn.Conv2d(half, half, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(half);
        conv3 = nn.Conv2d(half, config.Width, 3, padding: 1, bias: false);
        bn3 = nn.BatchNorm2d(config.Width);
        avgpool = config.StemStride > 1 ? nn.AvgPool2d(2) : null;
        var inChannels = config.Width;
        var stages = new Sequential[4];
        for (var s = 0; s < 4; s++)
        {
            var planes = config.Width << s;
            var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (var i = 0; i < config.Layers[s]; i++)
            {
                blocks.Add(($"{i}", new Bottleneck($"{i}", inChannels, planes, i == 0 && s > 0 ? 2 : 1, config.ZeroInitResidual)));
                inChannels = planes * ResNetConfig.Expansion;
            }
            stages[s] = nn.Sequential(blocks);
        }
        (layer1, layer2, layer3, layer4) = (stages[0], stages[1], stages[2], stages[3]);
        attnpool = new AttentionPool2d("attnpool", config.SideAt(config.ImageSize, 3), config.FeatureDim, config.Heads);
        RegisterComponents();
    }

    public override int FeatureDim => _config.FeatureDim;

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.call(conv1.call(images)));
        x = nn.functional.relu(bn2.call(conv2.call(x)));
        x = nn.functional.relu(bn3.call(conv3.call(x)));
        if (avgpool is not null)
        {
            x = avgpool.call(x);
        }
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        return scope.MoveToOuter(attnpool.call(x));
    }

    /// <summary>Stem, every bottleneck and the attention pooling, at the map sizes this image size gives.</summary>
    public override long ForwardMacs(int imageSize)
    {
        var c = _config;
        var half = c.Width / 2;
        var convSide = (long)(c.StemStride == 4 ? imageSize / 2 : imageSize);
        var macs = convSide * convSide * 9 * ((half * c.Channels) + (half * half) + (c.Width * half));
        var inChannels = c.Width;
        for (var s = 0; s < 4; s++)
        {
            var planes = c.Width << s;
            for (var i = 0; i < c.Layers[s]; i++)
            {
                var stride = i == 0 && s > 0 ? 2 : 1;
                var side = stride == 2 ? c.SideAt(imageSize, s - 1) : c.SideAt(imageSize, s);
                macs += Bottleneck.Macs(side, inChannels, planes, stride);
                inChannels = planes * ResNetConfig.Expansion;
            }
        }
        return macs + AttentionPool2d.Macs(c.SideAt(imageSize, 3), c.FeatureDim);
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
            layer1.Dispose();
            layer2.Dispose();
            layer3.Dispose();
            layer4.Dispose();
            attnpool.Dispose();
        }
        base.Dispose(disposing);
    }
}
