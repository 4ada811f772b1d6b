using ClipHost.Modules.Augmentation;
using static ClipHost.Engine.Tests.Augmentation.AugmentationImages;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Augmentation;

/// <summary>RandAugment's ops against hand-computed values, its magnitude scale and its batched per-sample choices.</summary>
public sealed class RandAugmentTests
{
    private static Tensor Levels(params int[] levels) =>
        tensor(levels.Select(l => l / 255f).ToArray(), [1, 1, 1, levels.Length]);

    [Fact]
    public void Posterize_KeepsTheTopBitsOfEachLevel()
    {
        using var scope = NewDisposeScope();
        var values = Levels(0, 15, 16, 100, 200, 255);
        Assert.True(Near(Levels(0, 0, 16, 96, 192, 240), LevelOps.Posterize(values, 4), 1e-7));
        Assert.True(Near(Levels(0, 0, 0, 0, 128, 128), LevelOps.Posterize(values, 1), 1e-7));
        Assert.True(Identical(values, LevelOps.Posterize(values, 8)));
    }

    [Fact]
    public void Solarize_InvertsValuesAtOrAboveTheThreshold()
    {
        using var scope = NewDisposeScope();
        var values = tensor(new[] { 0f, 0.2f, 0.5f, 0.8f, 1f }, [1, 1, 1, 5]);
        Assert.True(Near(tensor(new[] { 0f, 0.2f, 0.5f, 0.2f, 0f }, [1, 1, 1, 5]), LevelOps.Solarize(values, 0.5)));
        Assert.True(Near(tensor(new[] { 1f, 0.8f, 0.5f, 0.2f, 0f }, [1, 1, 1, 5]), LevelOps.Solarize(values, 0)));
        Assert.True(Identical(values, LevelOps.Solarize(values, 256.0 / 255)));
    }

    [Fact]
    public void Equalize_OnAKnownHistogram_GivesPilsLookupTable()
    {
        // 1,024 pixels: 512 at level 10, 256 at 50, 256 at 200. step = (1024 − 256) / 255 = 3 (floored), and level i
        // maps to (pixels below i + 1) / 3: 10 → 0, 50 → 513 / 3 = 171, 200 → 769 / 3 = 256, clamped to 255.
        using var scope = NewDisposeScope();
        var levels = Enumerable.Repeat(10, 512).Concat(Enumerable.Repeat(50, 256)).Concat(Enumerable.Repeat(200, 256)).ToArray();
        var image = Levels(levels).view(1, 1, 32, 32);
        var expected = Levels(levels.Select(l => l switch { 10 => 0, 50 => 171, _ => 255 }).ToArray()).view(1, 1, 32, 32);
        Assert.True(Near(expected, LevelOps.Equalize(image), 1e-7));

        // One level (and a histogram too small for a step) leaves the channel as it was; channels are independent.
        var mixed = cat([image, full(1, 1, 32, 32, 0.4f), Levels(Enumerable.Range(0, 1024).Select(i => i % 7).ToArray()).view(1, 1, 32, 32)], 1);
        var equalized = LevelOps.Equalize(mixed);
        Assert.True(Near(expected, equalized.narrow(1, 0, 1), 1e-7));
        Assert.True(Near(full(1, 1, 32, 32, 0.4f), equalized.narrow(1, 1, 1), 1e-7));
        Assert.False(Near(mixed.narrow(1, 2, 1), equalized.narrow(1, 2, 1), 1e-3), "a spread-out channel was not stretched");
    }

    [Fact]
    public void AutoContrast_MapsEachChannelsMinimumToZeroAndMaximumToOne_AndKeepsFlatChannels()
    {
        using var scope = NewDisposeScope();
        var ramp = tensor(new[] { 0.2f, 0.4f, 0.6f }, [1, 1, 1, 3]);
        var image = cat([ramp, ramp.mul(0.5f), full(1, 1, 1, 3, 0.7f)], 1);
        var expected = cat([tensor(new[] { 0f, 0.5f, 1f }, [1, 1, 1, 3]), tensor(new[] { 0f, 0.5f, 1f }, [1, 1, 1, 3]), full(1, 1, 1, 3, 0.7f)], 1);
        Assert.True(Near(expected, LevelOps.AutoContrast(image)));
    }

    [Fact]
    public void Sharpness_BlendsWithTheSmoothedImage_OnTheInteriorOnly()
    {
        // A single bright pixel in the middle of 5 × 5: the smoothing kernel keeps 5/13 of it in place and spreads
        // 1/13 to each neighbour; factor 0 is that smoothed image, the border keeps its own values.
        using var scope = NewDisposeScope();
        var dot = zeros(1, 1, 5, 5);
        dot[0, 0, 2, 2] = tensor(0.65f);
        var smoothed = ColorOps.AdjustSharpness(dot, zeros(1));
        var expected = zeros(1, 1, 5, 5);
        expected[0, 0, 1..4, 1..4] = tensor(0.05f);
        expected[0, 0, 2, 2] = tensor(0.25f);
        Assert.True(Near(expected, smoothed));
        var constant = Constant(6, 0.3f, 0.5f, 0.7f);
        Assert.True(Near(constant, ColorOps.AdjustSharpness(constant, tensor(new[] { 1.9f }))));
    }

    [Fact]
    public void MagnitudeZero_WithTheMagnitudeOps_LeavesImagesAsTheyWere()
    {
        // Every op but AutoContrast and Equalize is the identity at M = 0 (shift 0, angle 0, factor 1, 8 bits,
        // a threshold above white); geometric ones resample exactly onto the pixel centres.
        using var scope = NewDisposeScope();
        var withMagnitude = Enum.GetValues<RandAugmentOp>().Except([RandAugmentOp.AutoContrast, RandAugmentOp.Equalize]).ToList();
        var images = Smooth(32, 16);
        Assert.True(Near(images, Run(new RandAugment(3, 0, withMagnitude), images, seed: 1)));
        var white = ones(4, 3, 8, 8);
        Assert.True(Identical(white, Run(new RandAugment(1, 0, [RandAugmentOp.Solarize]), white, seed: 1)));
    }

    [Fact]
    public void MagnitudeZero_WithAllOps_GivesEachSampleItselfOrItsAutoContrastOrItsEqualization()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(96, 16);
        var output = Run(new RandAugment(1, 0), images, seed: 2);
        var (contrasted, equalized) = (LevelOps.AutoContrast(images), LevelOps.Equalize(images));
        var kinds = Enumerable.Range(0, 96).Select(i =>
            Near(images[i], output[i]) ? "itself" : Near(contrasted[i], output[i]) ? "autocontrast" : Near(equalized[i], output[i]) ? "equalize" : "other").ToList();
        Assert.DoesNotContain("other", kinds);
        Assert.Equal(3, kinds.Distinct().Count());
    }

    [Fact]
    public void EachSample_DrawsItsOwnSign_ForTheSignedOps()
    {
        // At M = 30 brightness is a factor of 1.9 or 0.1, chosen per sample.
        using var scope = NewDisposeScope();
        var images = Smooth(32, 8);
        var output = Run(new RandAugment(1, 30, [RandAugmentOp.Brightness]), images, seed: 3);
        var (up, down) = (images.mul(1.9f).clamp(0, 1), images.mul(0.1f));
        var kinds = Enumerable.Range(0, 32).Select(i => Near(up[i], output[i]) ? "brighter" : Near(down[i], output[i]) ? "darker" : "other").ToList();
        Assert.DoesNotContain("other", kinds);
        Assert.Contains("brighter", kinds);
        Assert.Contains("darker", kinds);
    }

    [Fact]
    public void EachSample_DrawsItsOwnOp_AndIsWrittenBackInItsPlace()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(32, 8);
        var output = Run(new RandAugment(1, 30, [RandAugmentOp.Posterize, RandAugmentOp.Solarize]), images, seed: 4);
        var (posterized, solarized) = (LevelOps.Posterize(images, 4), LevelOps.Solarize(images, 0));
        var kinds = Enumerable.Range(0, 32).Select(i => Near(posterized[i], output[i]) ? 'p' : Near(solarized[i], output[i]) ? 's' : '?').ToList();
        Assert.DoesNotContain('?', kinds);
        Assert.Contains('p', kinds);
        Assert.Contains('s', kinds);
    }

    [Theory]
    [InlineData(RandAugmentOp.AutoContrast)]
    [InlineData(RandAugmentOp.Equalize)]
    [InlineData(RandAugmentOp.Rotate)]
    [InlineData(RandAugmentOp.Solarize)]
    [InlineData(RandAugmentOp.Color)]
    [InlineData(RandAugmentOp.Posterize)]
    [InlineData(RandAugmentOp.Contrast)]
    [InlineData(RandAugmentOp.Brightness)]
    [InlineData(RandAugmentOp.Sharpness)]
    [InlineData(RandAugmentOp.ShearX)]
    [InlineData(RandAugmentOp.ShearY)]
    [InlineData(RandAugmentOp.TranslateX)]
    [InlineData(RandAugmentOp.TranslateY)]
    public void EveryOpButIdentity_ChangesEverySample_AtFullMagnitude(RandAugmentOp op)
    {
        using var scope = NewDisposeScope();
        var images = Smooth(8, 16);
        var output = Run(new RandAugment(1, 30, [op]), images, seed: 5);
        Assert.All(Enumerable.Range(0, 8), i => Assert.False(Near(images[i], output[i], 1e-3)));
    }

    [Fact]
    public void Identity_AndZeroLayers_ChangeNothing()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(8, 16);
        Assert.True(Identical(images, Run(new RandAugment(3, 30, [RandAugmentOp.Identity]), images, seed: 1)));
        Assert.True(Identical(images, Run(new RandAugment(0, 30), images, seed: 1)));
    }

    [Fact]
    public void TranslateX_AtFullMagnitude_ShiftsBy150Of331OfTheWidth()
    {
        // 331 px wide: the content moves by exactly 150 px, left or right; the uncovered side is black.
        using var scope = NewDisposeScope();
        var images = rand(8, 3, 4, 331);
        var output = Run(new RandAugment(1, 30, [RandAugmentOp.TranslateX]), images, seed: 6);
        var right = cat([zeros(8, 3, 4, 150), images.narrow(3, 0, 181)], 3);
        var left = cat([images.narrow(3, 150, 181), zeros(8, 3, 4, 150)], 3);
        Assert.All(Enumerable.Range(0, 8), i => Assert.True(Near(right[i], output[i], 1e-4) || Near(left[i], output[i], 1e-4)));
    }
}
