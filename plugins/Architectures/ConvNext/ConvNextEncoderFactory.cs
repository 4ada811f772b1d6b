using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>Builds <see cref="ConvNeXt"/> encoders; refuses an image too small for the stem and three downsamplings.</summary>
public sealed class ConvNextEncoderFactory : PluginComponent<ConvNextOptions>, IImageEncoderFactory, IEncoderPresets
{
    public override string Id => "convnext";

    public override Version Version => typeof(ConvNextEncoderFactory).Assembly.GetName().Version!;

    public override string Description => "ConvNeXt (T: depths 3-3-9-3, widths 96-768; mini) with width and depth scale, layer scale and stochastic depth";

    public override PluginKind Kind => PluginKind.Architecture;

    public IReadOnlyList<string> Presets { get; } = [.. ConvNextPreset.All.Select(p => p.Name)];

    public IReadOnlyList<OptionError> Validate(JsonElement? options, ImageEncoderContext context, string fieldPath) =>
        ValidateThen(options, fieldPath, bound => ConvNextConfig.Resolve(bound, context.ImageSize, context.Channels).StemPatch * 8 is var needed && context.ImageSize % needed == 0
            ? []
            : [new OptionError($"{fieldPath}.stemPatch", $"the image side {context.ImageSize} must be a multiple of stemPatch x 8 = {needed} (the stem and three 2x downsamplings)")]);

    public EncoderCapabilities Describe(JsonElement? options, ImageEncoderContext context) => new(Id, HasPatchTokens: false, 0);

    public ImageEncoder Create(JsonElement? options, ImageEncoderContext context) =>
        new ConvNeXt("visual", ConvNextConfig.Resolve(BindValid(options, "options"), context.ImageSize, context.Channels));
}
