using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.Architectures.Vit;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>The ViT plugin: the shared encoder contract and ViT-B/32's published compute.</summary>
public sealed class VitTests(EmojiStoreFixture data) : EncoderContractTests(data)
{
    protected override IImageEncoderFactory Factory { get; } = new VitEncoderFactory();

    protected override string SmallOptions => """{"patchSize": 4, "width": 16, "depth": 2, "heads": 2}""";

    protected override string TrainingOptions => """{"patchSize": 4, "width": 64, "depth": 2, "heads": 4}""";

    protected override int SmallFeatureDim => 16;

    [Fact]
    public void VitB32At224_Gflops_MatchTheHandCountAndThePublishedFigure()
    {
        using var encoder = new VitEncoderFactory().Create(JsonDocument.Parse("""{"preset": "B/32"}""").RootElement, new ImageEncoderContext(224, 3, 0));
        // By hand: 49 patches of 32x32x3 embedded to 768; 12 blocks over 50 tokens (with the class token), each with the
        // QKV and output projections (4 x 768^2 per token), QK^T and AV (2 x 50 x 768 per token) and the 3072 MLP.
        const long Tokens = 50, Width = 768;
        var expected = (49L * 32 * 32 * 3 * Width) + (12 * Tokens * ((4 * Width * Width) + (2 * Tokens * Width) + (2 * Width * 3072)));
        Assert.Equal(expected, encoder.ForwardMacs(224));
        // Published: ViT-B/32 8.8 GFLOPs at 224 px (open_clip's profile); within 10%.
        Assert.InRange(2 * encoder.ForwardMacs(224) / 1e9, 8.8 * 0.9, 8.8 * 1.1);
        Assert.Equal(768, encoder.FeatureDim);
    }
}
