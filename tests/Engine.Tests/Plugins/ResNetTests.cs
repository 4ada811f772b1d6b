using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.Architectures.ResNet;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>The ResNet plugin: the shared encoder contract, CLIP's RN50 compute as open_clip profiles it, and its validation.</summary>
public sealed class ResNetTests(EmojiStoreFixture data) : EncoderContractTests(data)
{
    protected override IImageEncoderFactory Factory { get; } = new ResNetEncoderFactory();

    // Zero-initialised residual scales would keep gradients from the branches on the very first step.
    protected override string SmallOptions => """{"width": 8, "layers": [1, 2, 1, 1], "stemStride": 2, "heads": 2, "zeroInitResidual": false}""";

    protected override string TrainingOptions => """{"preset": "mini", "stemStride": 1}""";

    protected override int SmallFeatureDim => 8 * 32;

    [Fact]
    public void Rn50At224_Gflops_MatchTheHandCountAndOpenClipsProfile()
    {
        using var encoder = new ResNetEncoderFactory().Create(null, new ImageEncoderContext(224, 3, 0));
        // By hand. Stem at 112 px: 3->32, 32->32, 32->64, all 3x3. A bottleneck entering at side n with c channels,
        // bottleneck width p, stride s: n^2 p c + n^2 p^2 9 + (n/s)^2 4p p, plus a shortcut (n/s)^2 4p c in each first block.
        static long Block(long n, long c, long p, long s) => (n * n * p * c) + (n * n * p * p * 9) + ((n / s) * (n / s) * 4 * p * p);
        static long Shortcut(long n, long c, long p, long s) => (n / s) * (n / s) * 4 * p * c;
        var stem = 112L * 112 * 9 * ((32 * 3) + (32 * 32) + (64 * 32));
        var layer1 = Block(56, 64, 64, 1) + Shortcut(56, 64, 64, 1) + (2 * Block(56, 256, 64, 1));
        var layer2 = Block(56, 256, 128, 2) + Shortcut(56, 256, 128, 2) + (3 * Block(28, 512, 128, 1));
        var layer3 = Block(28, 512, 256, 2) + Shortcut(28, 512, 256, 2) + (5 * Block(14, 1024, 256, 1));
        var layer4 = Block(14, 1024, 512, 2) + Shortcut(14, 1024, 512, 2) + (2 * Block(7, 2048, 512, 1));
        // Attention pooling over 49 positions + the mean: keys and values for 50 tokens, query and output for one.
        var pool = (2L * 50 * 2048 * 2048) + (2L * 2048 * 2048) + (2L * 50 * 2048);
        Assert.Equal(stem + layer1 + layer2 + layer3 + layer4 + pool, encoder.ForwardMacs(224));
        // open_clip's model profile: RN50 image tower 12.22 GFLOPs at 224 px; within 10%.
        Assert.InRange(2 * encoder.ForwardMacs(224) / 1e9, 12.22 * 0.9, 12.22 * 1.1);
        Assert.Equal(2048, encoder.FeatureDim);
    }

    [Fact]
    public void Rn50_HasOpenClipsStateDictNames()
    {
        using var encoder = new ResNetEncoderFactory().Create(JsonDocument.Parse("""{"widthScale": 0.125}""").RootElement, new ImageEncoderContext(64, 3, 0));
        var keys = encoder.state_dict().Keys.ToHashSet();
        foreach (var key in new[] { "conv1.weight", "bn3.running_var", "layer1.0.downsample.0.weight", "layer2.0.downsample.1.bias", "layer4.2.conv3.weight", "attnpool.positional_embedding", "attnpool.c_proj.weight" })
        {
            Assert.Contains(key, keys);
        }
        // Blocks 3-4-6-3, and no weights for the pools.
        Assert.Contains("layer3.5.bn2.weight", keys);
        Assert.DoesNotContain("layer3.6.bn2.weight", keys);
    }

    [Fact]
    public void ZeroInitResidual_StartsEveryBlockAsTheIdentityPlusShortcut()
    {
        using var encoder = new ResNetEncoderFactory().Create(JsonDocument.Parse("""{"preset": "mini"}""").RootElement, new ImageEncoderContext(32, 3, 0));
        var lastScales = encoder.named_parameters().Where(p => p.name.EndsWith(".bn3.weight", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, lastScales.Count);
        Assert.All(lastScales, p => Assert.Equal(0f, p.parameter.abs().sum().item<float>()));
    }

    [Fact]
    public void ImageTheStagesCannotDivide_IsRefusedNamingTheField()
    {
        var errors = Factory.Validate(JsonDocument.Parse("""{"stemStride": 4}""").RootElement, new ImageEncoderContext(48, 3, 0), "model.vision.options");
        Assert.Equal("model.vision.options.stemStride", Assert.Single(errors).Field);
    }

    [Fact]
    public void HeadsThatDoNotDivideTheLastStage_AreRefusedNamingTheField()
    {
        var errors = Factory.Validate(JsonDocument.Parse("""{"preset": "mini", "heads": 7}""").RootElement, new ImageEncoderContext(32, 3, 0), "model.vision.options");
        Assert.Equal("model.vision.options.heads", Assert.Single(errors).Field);
    }

    [Fact]
    public void Presets_ScaleTheStemToTheImage()
    {
        using var rn50 = (ModifiedResNet)new ResNetEncoderFactory().Create(null, new ImageEncoderContext(224, 3, 0));
        using var scope = NewDisposeScope();
        rn50.eval();
        Assert.Equal([1, 2048], rn50.call(randn(1, 3, 224, 224)).shape);
        Assert.Equal(4, ResNetPreset.Find("RN50")!.StemStrideFor(224));
        Assert.Equal(1, ResNetPreset.Find("RN50")!.StemStrideFor(64));
        Assert.Equal(2, ResNetPreset.Find("mini")!.StemStrideFor(64));
        Assert.Equal(1, ResNetPreset.Find("mini")!.StemStrideFor(32));
    }
}
