using ClipHost.Modules.Augmentation;
using static ClipHost.Engine.Tests.Augmentation.AugmentationImages;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Augmentation;

/// <summary>Grayscale, colour jitter, hue and blur against values that can be checked by hand.</summary>
public sealed class ColourAugmentationTests
{
    [Fact]
    public void RandomGrayscale_AtProbabilityOne_IsTheLumaFormulaInThreeEqualChannels()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(3, 8);
        var grey = Run(new RandomGrayscale(1), images, seed: 1);
        var (r, g, b) = (images[.., 0].data<float>().ToArray(), images[.., 1].data<float>().ToArray(), images[.., 2].data<float>().ToArray());
        var luma = r.Select((_, i) => (0.299f * r[i]) + (0.587f * g[i]) + (0.114f * b[i])).ToArray();
        foreach (var channel in new[] { 0, 1, 2 })
        {
            Assert.True(Near(tensor(luma, [3, 8, 8]), grey[.., channel], 1e-6));
        }
        Assert.True(Identical(images, Run(new RandomGrayscale(0), images, seed: 1)));
    }

    [Fact]
    public void Brightness_OnAConstantImage_ScalesItByAFactorInTheRange_PerSample()
    {
        using var scope = NewDisposeScope();
        var grey = Copies(Constant(8, 0.5f, 0.5f, 0.5f), 32);
        var output = Run(new ColorJitter(brightness: 0.4, 0, 0, 0), grey, seed: 1);
        var perSample = output.amin([1, 2, 3]);
        Assert.True(Identical(perSample, output.amax([1, 2, 3])), "a constant image stopped being constant");
        var values = perSample.data<float>().ToArray();
        Assert.All(values, v => Assert.InRange(v, 0.5f * 0.6f, 0.5f * 1.4f));
        Assert.True(values.Distinct().Count() > 16);
        Assert.True(values.Min() < 0.4f && values.Max() > 0.6f, "factors did not spread over [0.6, 1.4]");

        Assert.True(Near(Constant(4, 0.5f, 0.5f, 0.5f), ColorOps.AdjustBrightness(Constant(4, 0.25f, 0.25f, 0.25f), tensor(new[] { 2f }))));
        Assert.True(Near(Constant(4, 1f, 1f, 1f), ColorOps.AdjustBrightness(Constant(4, 0.8f, 0.8f, 0.8f), tensor(new[] { 1.5f }))), "brightness was not clamped to 1");
    }

    [Fact]
    public void ContrastAndSaturation_AtFactorZero_GiveTheMeanLumaAndTheLuma()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(2, 8);
        var zero = zeros(2);
        var luma = ColorOps.Luma(images);
        Assert.True(Near(luma.mean([1, 2, 3], keepdim: true).expand(2, 3, 8, 8), ColorOps.AdjustContrast(images, zero)));
        Assert.True(Near(luma.expand(2, 3, 8, 8), ColorOps.AdjustSaturation(images, zero)));
        Assert.True(Near(images, ColorOps.AdjustContrast(images, ones(2))));
        Assert.True(Near(images, ColorOps.AdjustSaturation(images, ones(2))));
    }

    [Fact]
    public void HueRotation_ByHalfATurn_ReflectsTheColourThroughItsLuma_AndByAWholeTurnChangesNothing()
    {
        // YIQ keeps luma in Y; half a turn negates I and Q, which in RGB is 2·Y − x (Y's column of the inverse is 1, 1, 1).
        using var scope = NewDisposeScope();
        var reddish = Constant(4, 0.6f, 0.4f, 0.4f);
        const float Y = (0.299f * 0.6f) + (0.587f * 0.4f) + (0.114f * 0.4f);
        var expected = Constant(4, (2 * Y) - 0.6f, (2 * Y) - 0.4f, (2 * Y) - 0.4f);
        Assert.True(Near(expected, ColorOps.RotateHue(reddish, tensor(new[] { 0.5f }))));
        Assert.True(Near(reddish, ColorOps.RotateHue(reddish, tensor(new[] { 1f }))));
        Assert.True(Near(reddish, ColorOps.RotateHue(reddish, tensor(new[] { 0f }))));
    }

    [Fact]
    public void HueJitter_KeepsEachImagesLuma_AndTurnsSamplesByDifferentAmounts()
    {
        using var scope = NewDisposeScope();
        // Near grey, so no turn leaves the RGB cube and nothing is clamped.
        var images = Copies(Smooth(1, 8).mul(0.1).add(0.45), 16);
        var turned = Run(new ColorJitter(0, 0, 0, hue: 0.5), images, seed: 1);
        Assert.True(Near(ColorOps.Luma(images), ColorOps.Luma(turned)));
        Assert.Equal(16, DistinctSamples(turned));
    }

    [Fact]
    public void ColorJitter_AtProbabilityZero_ChangesNothing_AtOneChangesEverySample()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(16, 8);
        Assert.True(Identical(images, Run(new ColorJitter(0.4, 0.4, 0.4, 0.1, probability: 0), images, seed: 1)));
        var jittered = Run(new ColorJitter(0.4, 0.4, 0.4, 0.1, probability: 1), images, seed: 1);
        Assert.All(Enumerable.Range(0, 16), i => Assert.False(Near(images[i], jittered[i], 1e-3)));
    }

    [Fact]
    public void GaussianBlur_KeepsAConstantImage_AndFlattensACheckerboard_MoreForLargerSigma()
    {
        using var scope = NewDisposeScope();
        var constant = Copies(Constant(16, 0.3f, 0.6f, 0.9f), 8);
        Assert.True(Near(constant, Run(new GaussianBlur(0.1, 2.0, 1), constant, seed: 1), 1e-6));

        var board = ((arange(16).view(16, 1) + arange(16).view(1, 16)) % 2).to_type(ScalarType.Float32).expand(8, 3, 16, 16).contiguous();
        var blurred = Run(new GaussianBlur(0.5, 2.0, 1), board, seed: 1);
        var before = board.var([1, 2, 3]);
        var after = blurred.var([1, 2, 3]);
        Assert.True(after.lt(before * 0.9).all().item<bool>(), "blur left a checkerboard's variance nearly as it was");

        // A dot keeps the square of its kernel's centre weight, which falls as σ grows.
        var dot = zeros(3, 3, 9, 9);
        dot[.., .., 4, 4] = tensor(1f);
        var peaks = SpatialOps.Blur(dot, tensor(new[] { 0.1f, 0.8f, 2f }), 5)[.., 0, 4, 4].data<float>().ToArray();
        Assert.True(peaks[0] > peaks[1] && peaks[1] > peaks[2]);
        // σ = 0.1 puts exp(−50) on the neighbours: the identity up to rounding.
        Assert.True(Near(board.narrow(0, 0, 1), SpatialOps.Blur(board.narrow(0, 0, 1), tensor(new[] { 0.1f }), 5)));
    }

    [Fact]
    public void GaussianBlur_AtProbabilityZero_ChangesNothing_AtOneChangesEverySample()
    {
        using var scope = NewDisposeScope();
        var board = ((arange(16).view(16, 1) + arange(16).view(1, 16)) % 2).to_type(ScalarType.Float32).expand(8, 3, 16, 16).contiguous();
        Assert.True(Identical(board, Run(new GaussianBlur(0.1, 2.0, 0), board, seed: 1)));
        var blurred = Run(new GaussianBlur(0.5, 2.0, 1), board, seed: 1);
        Assert.All(Enumerable.Range(0, 8), i => Assert.False(Near(board[i], blurred[i], 1e-2)));
    }

    [Theory]
    [InlineData(32, 3)]
    [InlineData(64, 7)]
    [InlineData(72, 7)]
    [InlineData(224, 23)]
    [InlineData(2, 3)]
    [InlineData(1, 1)]
    public void BlurKernel_IsOddAndAboutATenthOfTheShorterSide(int side, int expected)
    {
        Assert.Equal(expected, SpatialOps.BlurKernelSize(side, side + 10));
    }
}
