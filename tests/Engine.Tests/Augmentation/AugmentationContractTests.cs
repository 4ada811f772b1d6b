using ClipHost.Modules.Augmentation;
using static ClipHost.Engine.Tests.Augmentation.AugmentationImages;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Augmentation;

/// <summary>What every op and every policy promises: shape, dtype, range, an untouched input, seeded determinism and per-sample parameters.</summary>
public sealed class AugmentationContractTests
{
    private const int Batch = 16;
    private const int Side = 32;
    private const int CropSide = 24;

    private static readonly Dictionary<string, Func<IBatchAugmentation>> Ops = new()
    {
        ["HorizontalFlip"] = () => new HorizontalFlip(0.5),
        ["RandomRotation"] = () => new RandomRotation(30),
        ["ColorJitter"] = () => new ColorJitter(0.4, 0.4, 0.4, 0.1, probability: 0.8),
        ["RandomGrayscale"] = () => new RandomGrayscale(0.5),
        ["GaussianBlur"] = () => new GaussianBlur(0.1, 2.0, 0.5),
        ["RandomResizedCrop"] = () => new RandomResizedCrop(CropSide, 0.08, 1.0, flipProbability: 0.5),
        ["RandAugment"] = () => new RandAugment(2, 9),
        ["AugmentationSequence"] = () => new AugmentationSequence(new HorizontalFlip(), new RandomRotation(10)),
    };

    private static readonly Dictionary<string, Func<AugmentationPipeline>> Policies = new()
    {
        ["CropFlip"] = () => AugmentationPipeline.CropFlip(Side),
        ["RandAugment"] = () => AugmentationPipeline.RandAugment(Side, 2, 9, 0.5, 1.0),
        ["StackedRandAugment"] = () => AugmentationPipeline.StackedRandAugment(Side, 2, 9, 0.5, 1.0),
        ["SimClr"] = () => AugmentationPipeline.SimClr(Side),
        ["Resize"] = () => AugmentationPipeline.Resize(Side),
    };

    public static readonly TheoryData<string> OpNames = [.. Ops.Keys];

    public static readonly TheoryData<string> PolicyNames = [.. Policies.Keys];

    [Theory]
    [MemberData(nameof(OpNames))]
    public void Op_KeepsShapeDtypeAndRange_AndLeavesItsInputAlone(string name)
    {
        using var scope = NewDisposeScope();
        var images = Smooth(Batch, Side);
        var before = images.clone();
        var output = Run(Ops[name](), images, seed: 1);

        var side = name == "RandomResizedCrop" ? CropSide : Side;
        Assert.Equal([Batch, 3, side, side], output.shape);
        Assert.Equal(ScalarType.Float32, output.dtype);
        var (min, max) = Range(output);
        Assert.InRange(min, 0f, 1f);
        Assert.InRange(max, 0f, 1f);
        Assert.True(Identical(before, images), "the op modified its input");
        Assert.False(images.IsInvalid, "the op disposed its input");
    }

    [Theory]
    [MemberData(nameof(OpNames))]
    public void Op_OneSeedIsBitIdentical_AnotherSeedDiffers(string name)
    {
        using var scope = NewDisposeScope();
        var images = Smooth(Batch, Side);
        var op = Ops[name]();
        Assert.True(Identical(Run(op, images, seed: 5), Run(op, images, seed: 5)));
        Assert.False(Identical(Run(op, images, seed: 5), Run(op, images, seed: 6)));
    }

    [Theory]
    [MemberData(nameof(OpNames))]
    public void Op_OnCopiesOfOneImage_GivesTheSamplesTheirOwnParameters(string name)
    {
        using var scope = NewDisposeScope();
        var copies = Copies(Smooth(1, Side), Batch);
        var output = Run(Ops[name](), copies, seed: 3);
        Assert.True(DistinctSamples(output) >= 2, "every sample of the batch was augmented alike");
    }

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public void Policy_TurnsStoredPixelsIntoFloatImagesOfTheOutputSize_InRange(string name)
    {
        using var scope = NewDisposeScope();
        var raw = Raw(Batch, 72);
        var before = raw.clone();
        var output = Run(Policies[name](), raw, seed: 1);

        Assert.Equal([Batch, 3, Side, Side], output.shape);
        Assert.Equal(ScalarType.Float32, output.dtype);
        var (min, max) = Range(output);
        Assert.InRange(min, 0f, 1f);
        Assert.InRange(max, 0f, 1f);
        Assert.True(Identical(before, raw), "the policy modified its input");
    }

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public void Policy_OneSeedIsBitIdentical_AnotherSeedDiffersUnlessItIsAPlainResize(string name)
    {
        using var scope = NewDisposeScope();
        var raw = Raw(Batch, 72);
        var policy = Policies[name]();
        Assert.True(Identical(Run(policy, raw, seed: 5), Run(policy, raw, seed: 5)));
        Assert.Equal(name != "Resize", !Identical(Run(policy, raw, seed: 5), Run(policy, raw, seed: 6)));
    }

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public void Policy_OnCopiesOfOneImage_AugmentsEachSampleOnItsOwn(string name)
    {
        using var scope = NewDisposeScope();
        var copies = Copies(Raw(1, 72), Batch);
        var distinct = DistinctSamples(Run(Policies[name](), copies, seed: 3));
        if (name == "Resize")
        {
            Assert.Equal(1, distinct);
        }
        else
        {
            // Every policy crops with continuous random boxes, so no two samples should coincide.
            Assert.Equal(Batch, distinct);
        }
    }
}
