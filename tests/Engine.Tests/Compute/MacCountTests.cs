using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Compute;

/// <summary>
/// The towers' ForwardMacs formulas against a count taken from the real modules during a forward pass: every
/// Linear and Conv2d from its weight and output shapes, every attention block's QK^T and AV from its input. If a module is added or resized without the formula following, this fails.
/// </summary>
public sealed class MacCountTests
{
    [Fact]
    public void ImageAndTextTowers_FormulaEqualsHookCountOnTheRealModules()
    {
        var config = TinyExperiments.Tiny("macs", 64);
        using var model = Trainer.Build(config, StaticRegistry.Instance);
        using var scope = NewDisposeScope();
        var images = randn(1, 3, config.Model.Vision.ImageSize, config.Model.Vision.ImageSize);
        var tokens = zeros([1, config.Model.Text.ContextLength], ScalarType.Int64);
        tokens[0, 0] = tensor(1L);
        tokens[0, -1] = tensor(2L);

        var counted = 0L;
        var removers = new List<Action>();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    removers.Add(linear.register_forward_hook((m, input, output) =>
                    {
                        counted += output.numel() * linear.weight!.shape[1];
                        return output;
                    }).remove);
                    break;
                case Conv2d conv:
                    removers.Add(conv.register_forward_hook((m, input, output) =>
                    {
                        var w = conv.weight!.shape;
                        counted += output.numel() * w[1] * w[2] * w[3];
                        return output;
                    }).remove);
                    break;
                case SelfAttention attention:
                    removers.Add(attention.register_forward_hook((m, input, output) =>
                    {
                        var (l, d) = (input.shape[1], input.shape[2]);
                        counted += 2 * l * l * d; // QK^T and AV; both projections are Linears, counted above
                        return output;
                    }).remove);
                    break;
            }
        }

        using (no_grad())
        {
            model.eval();
            counted = 0;
            model.EncodeImage(images);
            var image = counted;
            counted = 0;
            model.EncodeText(tokens);
            var text = counted;

            var embed = config.Model.EmbedDim;
            Assert.Equal(model.Visual.ForwardMacs(config.Model.Vision.ImageSize) + ((long)model.Visual.FeatureDim * embed), image);
            Assert.Equal(model.Text.ForwardMacs() + ((long)config.Model.Text.Width * embed), text);
        }
        removers.ForEach(remove => remove());
    }
}
