using System.Reflection;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>
/// The quickstart switches image families by its architecture field alone: every family has a "mini" preset that fits
/// the quickstart's images, and the presets cost about the same, so the families compare at a similar budget.
/// </summary>
public sealed class QuickstartFamiliesTests
{
    public static readonly TheoryData<string> Families = ["vit", "resnet", "convnext", "swin", "mixer"];

    private static readonly string RepoRoot = typeof(QuickstartFamiliesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private static (ExperimentConfig Config, ImageEncoderContext Context) Quickstart()
    {
        var (config, errors) = ExperimentJson.Load(Path.Combine(RepoRoot, "experiments", "quickstart.json"));
        Assert.Empty(errors);
        return (config!, new ImageEncoderContext(config!.Model.Vision.ImageSize, 3, config.Training.Seed));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void QuickstartOptions_BuildEveryFamily(string family)
    {
        var (config, context) = Quickstart();
        var factory = StaticRegistry.Instance.FindEncoder(family);
        Assert.NotNull(factory);
        Assert.Empty(factory.Validate(config.Model.Vision.Options, context, "model.vision.options"));
        using var encoder = factory.Create(config.Model.Vision.Options, context);
        using var scope = NewDisposeScope();
        encoder.eval();
        var features = encoder.call(randn(2, 3, context.ImageSize, context.ImageSize));
        Assert.Equal([2, encoder.FeatureDim], features.shape);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void MiniPresets_CostWithinAFactorOfThreeOfViTs(string family)
    {
        var (config, context) = Quickstart();
        using var vit = StaticRegistry.Instance.FindEncoder("vit")!.Create(config.Model.Vision.Options, context);
        using var other = StaticRegistry.Instance.FindEncoder(family)!.Create(config.Model.Vision.Options, context);
        var ratio = (double)other.ForwardMacs(context.ImageSize) / vit.ForwardMacs(context.ImageSize);
        Assert.InRange(ratio, 1 / 3.0, 3.0);
    }
}
