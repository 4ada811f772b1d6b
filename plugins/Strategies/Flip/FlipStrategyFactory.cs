using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Plugins.Strategies.Flip;

/// <summary>Builds FLIP; refuses an encoder without patch tokens (CNNs, Swin, Mixer), naming both plugins.</summary>
public sealed class FlipStrategyFactory : PluginComponent<FlipOptions>, ITrainingStrategyFactory
{
    public override string Id => "flip";

    public override Version Version => typeof(FlipStrategyFactory).Assembly.GetName().Version!;

    public override string Description => "FLIP: CLIP on a random subset of each image's patches (maskRatio, default 0.5), with optional unmasked tuning at the end";

    public override PluginKind Kind => PluginKind.Strategy;

    public IReadOnlyList<OptionError> Validate(JsonElement? options, EncoderCapabilities encoder, string fieldPath)
    {
        var errors = Validate(options, fieldPath);
        if (errors.Count > 0)
        {
            return errors;
        }
        return encoder.HasPatchTokens && encoder.PatchCount > 0
            ? []
            : [new OptionError(fieldPath, $"strategy '{Id}' drops patch tokens, and architecture '{encoder.EncoderId}' has none; use an encoder with patch tokens (vit), or another strategy")];
    }

    public ITrainingStrategy Create(JsonElement? options, StrategyContext context) =>
        new FlipStrategy(BindValid(options, "options"), context.ImageSize, context.Encoder.PatchCount);
}
