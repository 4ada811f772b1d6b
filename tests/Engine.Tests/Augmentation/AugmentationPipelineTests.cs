using ClipHost.Modules.Augmentation;
using static ClipHost.Engine.Tests.Augmentation.AugmentationImages;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Augmentation;

/// <summary>The policies: pixel conversion, resizing, and the steps each factory puts together.</summary>
public sealed class AugmentationPipelineTests
{
    [Fact]
    public void Resize_AtTheStoredSize_IsThePixelsOver255_InChannelsFirstOrder()
    {
        using var scope = NewDisposeScope();
        var raw = Raw(2, 8);
        var expected = raw.permute(0, 3, 1, 2).to_type(ScalarType.Float32) / 255f;
        Assert.True(Near(expected, Run(AugmentationPipeline.Resize(8), raw, seed: 1), 1e-7));
    }

    [Fact]
    public void Resize_ToHalfTheSide_AveragesEachTwoByTwoBlock()
    {
        using var scope = NewDisposeScope();
        // Every 2 × 2 block holds 0, 100, 200 and 100: its mean is 100.
        var block = new byte[] { 0, 100, 100, 200 };
        var pixels = new byte[4 * 4 * 3];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    pixels[(((y * 4) + x) * 3) + c] = block[((y % 2) * 2) + (x % 2)];
                }
            }
        }
        var output = Run(AugmentationPipeline.Resize(2), tensor(pixels, [1, 4, 4, 3]), seed: 1);
        Assert.True(Near(full(1, 3, 2, 2, 100f / 255), output, 1e-6));
    }

    [Fact]
    public void Policies_EnlargeStoredImagesSmallerThanTheOutput()
    {
        using var scope = NewDisposeScope();
        var raw = Raw(4, 24);
        Assert.Equal([4, 3, 40, 40], Run(AugmentationPipeline.Resize(40), raw, seed: 1).shape);
        Assert.Equal([4, 3, 40, 40], Run(AugmentationPipeline.SimClr(40), raw, seed: 1).shape);
    }

    [Fact]
    public void CropFlip_IsARandomResizedCropWithAFlipAtOneHalf_AndNothingElse()
    {
        var policy = AugmentationPipeline.CropFlip(32, 0.3, 0.9);
        Assert.Equal((32, 32, 0.3, 0.9, 0.5), (policy.Size, policy.Crop!.Size, policy.Crop.MinScale, policy.Crop.MaxScale, policy.Crop.FlipProbability));
        Assert.Equal((3.0 / 4, 4.0 / 3), (policy.Crop.MinRatio, policy.Crop.MaxRatio));
        Assert.Empty(policy.Steps);
        Assert.Equal((0.5, 1.0), (AugmentationPipeline.CropFlip(32).Crop!.MinScale, AugmentationPipeline.CropFlip(32).Crop!.MaxScale));
    }

    [Fact]
    public void RandAugmentPolicy_IsCropFlipThenRandAugment()
    {
        var policy = AugmentationPipeline.RandAugment(32, 2, 9, 0.4, 1.0);
        Assert.Equal((0.4, 1.0, 0.5), (policy.Crop!.MinScale, policy.Crop.MaxScale, policy.Crop.FlipProbability));
        var randAugment = Assert.IsType<RandAugment>(Assert.Single(policy.Steps));
        Assert.Equal((2, 9, 14), (randAugment.N, randAugment.M, randAugment.Ops.Count));
    }

    [Fact]
    public void StackedRandAugment_IsCropFlip_RandAugment_ThenSimAugment()
    {
        var policy = AugmentationPipeline.StackedRandAugment(32, 2, 9, 0.4, 1.0);
        Assert.Equal((0.4, 1.0, 0.5), (policy.Crop!.MinScale, policy.Crop.MaxScale, policy.Crop.FlipProbability));
        Assert.Collection(policy.Steps,
            s => Assert.Equal((2, 9), (Assert.IsType<RandAugment>(s).N, ((RandAugment)s).M)),
            s => Assert.Equal(AugmentationPipeline.SimAugmentMaxDegrees, Assert.IsType<RandomRotation>(s).MaxDegrees),
            s => AssertSimClrJitter(Assert.IsType<ColorJitter>(s)),
            s => Assert.Equal(0.2, Assert.IsType<RandomGrayscale>(s).Probability),
            s => AssertSimClrBlur(Assert.IsType<GaussianBlur>(s)));
    }

    [Fact]
    public void SimClr_IsTheSimClrViewRecipe()
    {
        var policy = AugmentationPipeline.SimClr(32);
        Assert.Equal((0.08, 1.0, 0.5), (policy.Crop!.MinScale, policy.Crop.MaxScale, policy.Crop.FlipProbability));
        Assert.Collection(policy.Steps,
            s => AssertSimClrJitter(Assert.IsType<ColorJitter>(s)),
            s => Assert.Equal(0.2, Assert.IsType<RandomGrayscale>(s).Probability),
            s => AssertSimClrBlur(Assert.IsType<GaussianBlur>(s)));
    }

    [Fact]
    public void SimClr_GreysAboutAFifthOfTheViews()
    {
        using var scope = NewDisposeScope();
        var output = Run(AugmentationPipeline.SimClr(16), Raw(256, 32), seed: 1);
        var greyChannels = output.narrow(1, 0, 1).eq(output.narrow(1, 1, 1)).logical_and(output.narrow(1, 1, 1).eq(output.narrow(1, 2, 1)));
        var grey = greyChannels.all(1).all(1).all(1).to_type(ScalarType.Float32).mean().item<float>();
        Assert.InRange(grey, 0.12f, 0.28f);
    }

    private static void AssertSimClrJitter(ColorJitter jitter) =>
        Assert.Equal((0.4, 0.4, 0.4, 0.1, 0.8), (jitter.Brightness, jitter.Contrast, jitter.Saturation, jitter.Hue, jitter.Probability));

    private static void AssertSimClrBlur(GaussianBlur blur) =>
        Assert.Equal((0.1, 2.0, 0.5), (blur.SigmaMin, blur.SigmaMax, blur.Probability));
}
