using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.Architectures.Mixer;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>The MLP-Mixer plugin: the shared encoder contract, its published compute and its validation.</summary>
public sealed class MixerTests(EmojiStoreFixture data) : EncoderContractTests(data)
{
    protected override IImageEncoderFactory Factory { get; } = new MixerEncoderFactory();

    protected override string SmallOptions => """{"patchSize": 4, "width": 32, "depth": 2, "tokenMlp": 16, "channelMlp": 64}""";

    protected override string TrainingOptions => """{"patchSize": 4, "width": 64, "depth": 2, "tokenMlp": 32, "channelMlp": 128}""";

    protected override int SmallFeatureDim => 32;

    [Fact]
    public void MixerB32At224_Gflops_MatchTheHandCountAndThePublishedFigure()
    {
        var config = MixerConfig.Resolve(new MixerOptions { Preset = "B/32" }, 224, 3);
        Assert.Equal((32, 49), (config.PatchSize, config.Tokens));
        // By hand: stem 49 patches x 32x32x3 x 768; per layer token MLP 2 x 768 x 49 x 384, channel MLP 2 x 49 x 768 x 3072.
        const long Stem = 49L * 32 * 32 * 3 * 768;
        const long Layer = (2L * 768 * 49 * 384) + (2L * 49 * 768 * 3072);
        using var encoder = new MlpMixer("visual", config);
        var macs = encoder.ForwardMacs(224);
        Assert.Equal(Stem + (12 * Layer), macs);
        // Published: 6.5 GFLOPs (12 layers, 49 tokens, C 768, token MLP 384, channel MLP 3072); within 10%.
        Assert.InRange(2 * macs / 1e9, 6.5 * 0.9, 6.5 * 1.1);
    }

    [Fact]
    public void PatchThatDoesNotDivideTheImage_IsRefusedNamingTheField()
    {
        var errors = Factory.Validate(JsonDocument.Parse("""{"preset": "S/32", "patchSize": 5}""").RootElement, new ImageEncoderContext(16, 3, 0), "model.vision.options");
        Assert.Equal("model.vision.options.patchSize", Assert.Single(errors).Field);
        Assert.False(Factory.Describe(JsonDocument.Parse(SmallOptions).RootElement, new ImageEncoderContext(16, 3, 0)).HasPatchTokens);
    }
}
