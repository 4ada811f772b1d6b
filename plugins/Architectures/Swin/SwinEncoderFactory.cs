using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// Builds <see cref="SwinTransformer"/> encoders; refuses a patch that does not tile the image into a map that halves
/// three times, and a window that does not tile a stage's map. Hierarchical, so no patch-token interface (FLIP refuses it).
/// </summary>
public sealed class SwinEncoderFactory : PluginComponent<SwinOptions>, IImageEncoderFactory, IEncoderPresets
{
    public override string Id => "swin";

    public override Version Version => typeof(SwinEncoderFactory).Assembly.GetName().Version!;

    public override string Description => "Swin Transformer (T: C 96, depths 2-2-6-2, window 7; mini for 32-64 px): shifted-window attention, patch merging, stochastic depth";

    public override PluginKind Kind => PluginKind.Architecture;

    public IReadOnlyList<string> Presets { get; } = [.. SwinPreset.All.Select(p => p.Name)];

    public IReadOnlyList<OptionError> Validate(JsonElement? options, ImageEncoderContext context, string fieldPath) =>
        ValidateThen(options, fieldPath, bound => SwinConfig.Resolve(bound, context.ImageSize, context.Channels).Check(fieldPath));

    public EncoderCapabilities Describe(JsonElement? options, ImageEncoderContext context) => new(Id, HasPatchTokens: false, 0);

    public ImageEncoder Create(JsonElement? options, ImageEncoderContext context)
    {
        var config = SwinConfig.Resolve(BindValid(options, "options"), context.ImageSize, context.Channels);
        var errors = config.Check("options");
        return errors.Count > 0 ? throw new OptionsValidationFailedException(errors) : new SwinTransformer("visual", config);
    }
}
