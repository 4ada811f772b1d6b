using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.Architectures.ConvNext;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>The ConvNeXt plugin: the shared encoder contract, ConvNeXt-T's published compute and its validation.</summary>
public sealed class ConvNextTests(EmojiStoreFixture data) : EncoderContractTests(data)
{
    protected override IImageEncoderFactory Factory { get; } = new ConvNextEncoderFactory();

    protected override string SmallOptions => """{"stemPatch": 2, "depths": [1, 1, 2, 1], "widths": [8, 16, 24, 32], "layerScaleInit": 0.5}""";

    protected override string TrainingOptions => """{"stemPatch": 2, "depths": [1, 1, 2, 1], "widths": [32, 48, 64, 96], "layerScaleInit": 0.1}""";

    protected override int SmallFeatureDim => 32;

    [Fact]
    public void ConvNextTAt224_Gflops_MatchTheHandCountAndThePublishedFigure()
    {
        using var encoder = new ConvNextEncoderFactory().Create(null, new ImageEncoderContext(224, 3, 0));
        // By hand: stem 56x56x96 x 3x4x4; per stage s at side n with width c: depth x n^2 c (7x7 + 8c), and a 2x2
        // downsampling from the previous width before stages 1-3.
        static long Block(long n, long c) => n * n * c * (49 + (8 * c));
        var expected = (56L * 56 * 96 * 3 * 16)
            + (3 * Block(56, 96))
            + (28L * 28 * 192 * 96 * 4) + (3 * Block(28, 192))
            + (14L * 14 * 384 * 192 * 4) + (9 * Block(14, 384))
            + (7L * 7 * 768 * 384 * 4) + (3 * Block(7, 768));
        Assert.Equal(expected, encoder.ForwardMacs(224));
        // Published: ConvNeXt-T 8.9 GFLOPs at 224 px; within 10%.
        Assert.InRange(2 * encoder.ForwardMacs(224) / 1e9, 8.9 * 0.9, 8.9 * 1.1);
        Assert.Equal(768, encoder.FeatureDim);
    }

    /// <summary>Equal widths in consecutive stages still halve the map (as timm's ConvNeXt), so the counted compute is the computed one.</summary>
    [Fact]
    public void StagesOfEqualWidth_StillDownsample()
    {
        using var encoder = new ConvNextEncoderFactory().Create(JsonDocument.Parse("""{"stemPatch": 2, "depths": [1, 1, 1, 1], "widths": [8, 8, 16, 16]}""").RootElement, new ImageEncoderContext(16, 3, 0));
        var keys = encoder.state_dict().Keys.ToHashSet();
        Assert.All(new[] { 1, 2, 3 }, s => Assert.Contains($"stages.{s}.downsample.1.weight", keys));
        Assert.DoesNotContain("stages.0.downsample.1.weight", keys);
        // Stem 8x8 map, then 4, 2, 1: each downsampling's 2x2 convolution counted at the halved side.
        static long Block(long n, long c) => n * n * c * (49 + (8 * c));
        var expected = (8L * 8 * 8 * 3 * 4) + Block(8, 8) + (4L * 4 * 8 * 8 * 4) + Block(4, 8) + (2L * 2 * 16 * 8 * 4) + Block(2, 16) + (1L * 1 * 16 * 16 * 4) + Block(1, 16);
        Assert.Equal(expected, encoder.ForwardMacs(16));
    }

    [Fact]
    public void ImageTooSmallForTheStages_IsRefusedNamingTheField()
    {
        var errors = Factory.Validate(JsonDocument.Parse("""{"stemPatch": 4}""").RootElement, new ImageEncoderContext(16, 3, 0), "model.vision.options");
        Assert.Equal("model.vision.options.stemPatch", Assert.Single(errors).Field);
    }
}
