using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Training;
using ClipHost.Plugins.Architectures.ResNet;
using ClipHost.Plugins.Architectures.Swin;

namespace ClipHost.Engine.Tests.Training;

/// <summary>Which parameters get weight decay: matrices, kernels and embeddings (as open_clip), not biases, norms or bias tables.</summary>
public sealed class ParameterGroupsTests
{
    private static readonly JsonElement Mini = JsonDocument.Parse("""{"preset": "mini"}""").RootElement;

    [Fact]
    public void Swin_DecaysItsMatrices_NotItsNormsBiasesOrRelativePositionTables()
    {
        using var swin = new SwinEncoderFactory().Create(Mini, new ImageEncoderContext(32, 3, 0));
        var named = swin.named_parameters().ToList();
        var (decay, noDecay) = ParameterGroups.Split(named);
        string NameOf(TorchSharp.Modules.Parameter p) => named.Single(n => ReferenceEquals(n.parameter, p)).name;
        Assert.Contains(noDecay, p => NameOf(p).EndsWith("attn.relative_position_bias_table", StringComparison.Ordinal));
        Assert.DoesNotContain(decay, p => NameOf(p).EndsWith("relative_position_bias_table", StringComparison.Ordinal));
        Assert.Contains(decay, p => NameOf(p).EndsWith("attn.qkv.weight", StringComparison.Ordinal));
        Assert.All(noDecay, p => Assert.True(p.dim() < 2 || NameOf(p).EndsWith("relative_position_bias_table", StringComparison.Ordinal), NameOf(p)));
    }

    [Fact]
    public void ResNet_DecaysConvolutionKernelsAndThePoolsPositionalEmbedding_NotBatchNorms()
    {
        using var resnet = new ResNetEncoderFactory().Create(Mini, new ImageEncoderContext(32, 3, 0));
        var named = resnet.named_parameters().ToList();
        var (decay, noDecay) = ParameterGroups.Split(named);
        var decayed = named.Where(n => decay.Any(p => ReferenceEquals(p, n.parameter))).Select(n => n.name).ToHashSet();
        Assert.Contains("layer1.0.conv2.weight", decayed);
        Assert.DoesNotContain("layer1.0.bn2.weight", decayed);
        Assert.Contains("attnpool.positional_embedding", decayed);
        Assert.Equal(named.Count, decay.Count + noDecay.Count);
    }
}
