using ClipHost.Abstractions.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>
/// MLP-Mixer (Tolstikhin et al. 2021) as a CLIP image tower, named after timm's state-dict keys (stem.proj, blocks.N,
/// norm): patches, Mixer layers, LayerNorm, global average over tokens. Returns pooled features [B, Width].
/// </summary>
public sealed partial class MlpMixer : ImageEncoder, IOpenClipVision
{
    private readonly PatchStem stem;
    private readonly Sequential blocks;
    private readonly LayerNorm norm;
    private readonly MixerConfig _config;

    public MlpMixer(string name, MixerConfig config)
        : base(name)
    {
        _config = config;
        stem = new PatchStem("stem", config.Channels, config.Width, config.PatchSize);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i < config.Depth; i++)
        {
            layers.Add(($"{i}", new MixerBlock($"{i}", config.Tokens, config.Width, config.TokenMlp, config.ChannelMlp)));
        }
        blocks = nn.Sequential(layers);
        norm = nn.LayerNorm(config.Width, eps: 1e-6);
        RegisterComponents();
    }

    public MixerConfig Config => _config;

    public override int FeatureDim => _config.Width;

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(norm.call(blocks.call(stem.call(images))).mean([1]));
    }

    /// <summary>Stem convolution plus every block, at the token count this image size gives.</summary>
    public override long ForwardMacs(int imageSize)
    {
        var tokens = (imageSize / _config.PatchSize) * (imageSize / _config.PatchSize);
        var stemMacs = (long)tokens * _config.PatchSize * _config.PatchSize * _config.Channels * _config.Width;
        return stemMacs + (_config.Depth * MixerBlock.Macs(tokens, _config.Width, _config.TokenMlp, _config.ChannelMlp));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stem.Dispose();
            blocks.Dispose();
            norm.Dispose();
        }
        base.Dispose(disposing);
    }
}
