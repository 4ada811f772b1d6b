using ClipHost.Modules.Augmentation;
using static ClipHost.Engine.Tests.Augmentation.AugmentationImages;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Augmentation;

/// <summary>Flip, random resized crop and rotation against values that can be checked by hand.</summary>
public sealed class GeometricAugmentationTests
{
    [Fact]
    public void HorizontalFlip_AtProbabilityOne_ReversesTheColumns_AtZeroChangesNothing()
    {
        using var scope = NewDisposeScope();
        var images = tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }, [1, 1, 2, 3]).expand(2, 3, 2, 3).contiguous();
        var flipped = Run(new HorizontalFlip(1), images, seed: 1);
        var reversed = tensor(new float[] { 0.3f, 0.2f, 0.1f, 0.6f, 0.5f, 0.4f }, [1, 1, 2, 3]).expand(2, 3, 2, 3);
        Assert.True(Identical(reversed.contiguous(), flipped));
        Assert.True(Identical(images, Run(new HorizontalFlip(0), images, seed: 1)));
    }

    [Fact]
    public void HorizontalFlip_AtOneHalf_MirrorsSomeSamplesAndKeepsTheOthers()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(32, 16);
        var output = Run(new HorizontalFlip(0.5), images, seed: 2);
        var mirrored = images.flip(3);
        var flips = Enumerable.Range(0, 32).Select(i => Identical(output[i], mirrored[i])).ToList();
        Assert.All(Enumerable.Range(0, 32), i => Assert.True(flips[i] || Identical(output[i], images[i])));
        Assert.InRange(flips.Count(f => f), 6, 26);
    }

    [Theory]
    [InlineData(32, 24)]
    [InlineData(32, 32)]
    [InlineData(20, 48)]
    public void RandomResizedCrop_WhoseBoxMustBeTheWholeImage_IsAPlainBilinearResize(int side, int size)
    {
        // Scale 1 and ratio 1 on a square image leave one possible box: the image itself.
        using var scope = NewDisposeScope();
        var images = Smooth(4, side);
        var crop = new RandomResizedCrop(size, minScale: 1, maxScale: 1, flipProbability: 0, minRatio: 1, maxRatio: 1);
        var resized = nn.functional.interpolate(images, [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
        Assert.True(Near(resized, Run(crop, images, seed: 1)));

        var mirroredCrop = new RandomResizedCrop(size, minScale: 1, maxScale: 1, flipProbability: 1, minRatio: 1, maxRatio: 1);
        Assert.True(Near(resized.flip(3), Run(mirroredCrop, images, seed: 1)));
    }

    [Theory]
    [InlineData(32, 32, 0.08, 0.5)]
    [InlineData(72, 72, 0.5, 1.0)]
    [InlineData(48, 16, 0.08, 1.0)]
    [InlineData(16, 48, 0.3, 1.0)]
    public void RandomResizedCrop_Boxes_StayInsideTheImage_WithTheirAreaAndRatioInRange(int height, int width, double minScale, double maxScale)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4, CPU);
        var crop = new RandomResizedCrop(16, minScale, maxScale);
        var boxes = crop.SampleBoxes(256, height, width, generator, CPU);
        var (left, top, w, h) = (boxes[.., 0], boxes[.., 1], boxes[.., 2], boxes[.., 3]);
        Assert.True(left.ge(0).all().item<bool>() && top.ge(0).all().item<bool>());
        Assert.True((left + w).le(width + 1e-3).all().item<bool>() && (top + h).le(height + 1e-3).all().item<bool>());
        var ratio = w / h;
        Assert.True(ratio.ge(0.75 - 1e-4).all().item<bool>() && ratio.le((4.0 / 3) + 1e-4).all().item<bool>());

        // A box that fitted has an area in range; a sample whose 10 draws all failed takes the widest in-range box
        // the image holds, which touches two opposite edges.
        var area = w * h / (height * width);
        var inRange = area.ge(minScale - 1e-4).logical_and(area.le(maxScale + 1e-4));
        var fallback = w.ge(width - 1e-3).logical_or(h.ge(height - 1e-3));
        Assert.True(inRange.logical_or(fallback).all().item<bool>());
        Assert.True(DistinctSamples(boxes.view(256, 1, 1, 4)) > 128);
    }

    [Fact]
    public void RandomResizedCrop_NeverBlendsBlackIntoTheEdges_SoAWhiteImageStaysWhite()
    {
        // Samples within half a pixel of the image edge repeat it, as interpolate does; zero padding would darken them.
        using var scope = NewDisposeScope();
        foreach (var (height, width) in new[] { (32, 32), (24, 48), (48, 16) })
        {
            var white = ones(64, 3, height, width);
            var output = Run(new RandomResizedCrop(16, 0.08, 1.0, flipProbability: 0.5), white, seed: 4);
            Assert.True(Near(ones(64, 3, 16, 16), output), $"the edge of the {height} x {width} image darkened");
        }
    }

    [Fact]
    public void RandomResizedCrop_SmallerScales_ZoomIn()
    {
        // A horizontal ramp: a crop of area fraction s spans about sqrt(s) of the width, so the output's
        // left-to-right rise shrinks with the scale.
        using var scope = NewDisposeScope();
        var ramp = linspace(0, 1, 64).expand(32, 3, 64, 64).contiguous();
        float MeanRise(double scale)
        {
            var output = Run(new RandomResizedCrop(16, scale, scale), ramp, seed: 5);
            return (output.select(3, 15) - output.select(3, 0)).mean().item<float>();
        }
        Assert.True(MeanRise(0.1) < MeanRise(0.5) && MeanRise(0.5) < MeanRise(1.0));
        Assert.InRange(MeanRise(0.25), 0.5f * 15 / 16 * 0.8f, 0.5f * 15 / 16 * 1.25f);
    }

    [Fact]
    public void RandomRotation_OfZeroDegrees_IsTheIdentity()
    {
        using var scope = NewDisposeScope();
        var images = Smooth(4, 24);
        Assert.True(Near(images, Run(new RandomRotation(0), images, seed: 1)));
    }

    [Fact]
    public void RandomRotation_KeepsTheCentre_BlackensCornersItTurnsOutOfView_AndTurnsSamplesDifferently()
    {
        using var scope = NewDisposeScope();
        var white = ones(16, 3, 33, 33);
        var output = Run(new RandomRotation(45), white, seed: 2);
        Assert.True(Near(ones(16, 3), output[.., .., 16, 16]));
        var corners = output[.., 0, 0, 0];
        Assert.True(corners.lt(0.5).any().item<bool>(), "no corner left the image");
        Assert.Equal(16, DistinctSamples(output));
    }
}
