using ClipHost.Engine.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Compute;

/// <summary>
/// The towers' ForwardMacs formulas against <see cref="MacCounter"/>'s count from the real modules during a forward
/// pass. If a module is added or resized without the formula following, this fails.
/// </summary>
public sealed class MacCountTests
{
    [Fact]
    public void ImageAndTextTowers_FormulaEqualsHookCountOnTheRealModules()
    {
        var config = TinyExperiments.Tiny("macs", 64);
        using var model = TinyExperiments.BuildModel(config);
        using var scope = NewDisposeScope();
        var images = randn(1, 3, config.Model.Vision.ImageSize, config.Model.Vision.ImageSize);
        var tokens = zeros([1, config.Model.Text.ContextLength], ScalarType.Int64);
        tokens[0, 0] = tensor(1L);
        tokens[0, -1] = tensor(2L);

        model.eval();
        var image = MacCounter.Count(model, () => model.EncodeImage(images));
        var text = MacCounter.Count(model, () => model.EncodeText(tokens));

        var embed = config.Model.EmbedDim;
        Assert.Equal(model.Visual.ForwardMacs(config.Model.Vision.ImageSize) + ((long)model.Visual.FeatureDim * embed), image);
        Assert.Equal(model.Text.ForwardMacs() + ((long)config.Model.Text.Width * embed), text);
    }
}
