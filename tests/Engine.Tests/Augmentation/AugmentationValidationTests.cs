using ClipHost.Modules.Augmentation;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Augmentation;

/// <summary>Every argument out of range is refused when the op or policy is built, naming the parameter.</summary>
public sealed class AugmentationValidationTests
{
    private static readonly Dictionary<string, (string Parameter, Action Build)> Cases = new()
    {
        ["flip p < 0"] = ("probability", () => _ = new HorizontalFlip(-0.1)),
        ["flip p > 1"] = ("probability", () => _ = new HorizontalFlip(1.1)),
        ["rotation < 0"] = ("maxDegrees", () => _ = new RandomRotation(-1)),
        ["rotation > 180"] = ("maxDegrees", () => _ = new RandomRotation(181)),
        ["jitter brightness < 0"] = ("brightness", () => _ = new ColorJitter(-0.1, 0, 0, 0)),
        ["jitter contrast NaN"] = ("contrast", () => _ = new ColorJitter(0, double.NaN, 0, 0)),
        ["jitter saturation < 0"] = ("saturation", () => _ = new ColorJitter(0, 0, -1, 0)),
        ["jitter hue > 0.5"] = ("hue", () => _ = new ColorJitter(0, 0, 0, 0.6)),
        ["jitter p > 1"] = ("probability", () => _ = new ColorJitter(0.4, 0.4, 0.4, 0.1, 2)),
        ["grayscale p NaN"] = ("probability", () => _ = new RandomGrayscale(double.NaN)),
        ["blur sigma 0"] = ("sigmaMin", () => _ = new GaussianBlur(0, 1, 0.5)),
        ["blur sigma min > max"] = ("sigmaMin", () => _ = new GaussianBlur(2, 1, 0.5)),
        ["blur sigma max infinite"] = ("sigmaMax", () => _ = new GaussianBlur(0.1, double.PositiveInfinity, 0.5)),
        ["blur p < 0"] = ("probability", () => _ = new GaussianBlur(0.1, 2, -0.5)),
        ["crop size 0"] = ("size", () => _ = new RandomResizedCrop(0)),
        ["crop scale 0"] = ("minScale", () => _ = new RandomResizedCrop(32, 0, 1)),
        ["crop scale > 1"] = ("maxScale", () => _ = new RandomResizedCrop(32, 0.5, 1.5)),
        ["crop scale min > max"] = ("minScale", () => _ = new RandomResizedCrop(32, 0.6, 0.5)),
        ["crop flip p > 1"] = ("flipProbability", () => _ = new RandomResizedCrop(32, flipProbability: 1.5)),
        ["crop ratio min > max"] = ("minRatio", () => _ = new RandomResizedCrop(32, minRatio: 2, maxRatio: 1)),
        ["randaugment n < 0"] = ("n", () => _ = new RandAugment(-1, 9)),
        ["randaugment m > 30"] = ("m", () => _ = new RandAugment(2, 31)),
        ["randaugment m < 0"] = ("m", () => _ = new RandAugment(2, -1)),
        ["policy size 0"] = ("size", () => AugmentationPipeline.CropFlip(0)),
        ["policy scale min > max"] = ("minScale", () => AugmentationPipeline.CropFlip(32, 0.7, 0.6)),
        ["policy randaugment m"] = ("m", () => AugmentationPipeline.RandAugment(32, 2, 31, 0.5, 1)),
        ["policy stacked n"] = ("n", () => AugmentationPipeline.StackedRandAugment(32, -1, 9, 0.5, 1)),
        ["policy stacked scale"] = ("maxScale", () => AugmentationPipeline.StackedRandAugment(32, 2, 9, 0.5, 2)),
        ["policy simclr size"] = ("size", () => AugmentationPipeline.SimClr(0)),
        ["policy resize size"] = ("size", () => AugmentationPipeline.Resize(-3)),
        ["posterize bits 0"] = ("bits", () => LevelOps.Posterize(zeros(1, 3, 2, 2), 0)),
    };

    public static readonly TheoryData<string> CaseNames = [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void OutOfRangeArgument_IsRefused_NamingTheParameter(string name)
    {
        var (parameter, build) = Cases[name];
        var error = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void BoundaryValues_AreAccepted()
    {
        _ = new HorizontalFlip(0);
        _ = new HorizontalFlip(1);
        _ = new RandomResizedCrop(1, 1, 1);
        _ = new RandAugment(0, 0);
        _ = new RandAugment(5, 30);
        _ = new ColorJitter(0, 0, 0, 0.5, 1);
        _ = new GaussianBlur(2, 2, 0);
        _ = new RandomRotation(180);
    }

    [Fact]
    public void RandAugment_WithNoOps_IsRefused_NamingThem()
    {
        Assert.Equal("ops", Assert.Throws<ArgumentException>(() => new RandAugment(2, 9, [])).ParamName);
        Assert.Equal("ops", Assert.Throws<ArgumentException>(() => new RandAugment(2, 9, [(RandAugmentOp)99])).ParamName);
    }

    [Fact]
    public void Pipeline_RefusesPixelsThatAreNotUint8ChannelsLast_AndACropOfAnotherSize()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1, CPU);
        var policy = AugmentationPipeline.CropFlip(16);
        Assert.Equal("raw", Assert.Throws<ArgumentException>(() => policy.Apply(rand(2, 32, 32, 3), generator)).ParamName);
        Assert.Equal("raw", Assert.Throws<ArgumentException>(() => policy.Apply(zeros(2, 3, 32, 32, ScalarType.Byte), generator)).ParamName);
        Assert.Equal("raw", Assert.Throws<ArgumentException>(() => policy.Apply(zeros(32, 32, 3, ScalarType.Byte), generator)).ParamName);
        Assert.Equal("crop", Assert.Throws<ArgumentException>(() => new AugmentationPipeline(16, new RandomResizedCrop(32))).ParamName);
    }
}
