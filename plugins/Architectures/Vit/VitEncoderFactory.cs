using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.Vit;

/// <summary>Builds <see cref="VisionTransformer"/> encoders from <see cref="VitOptions"/>.</summary>
public sealed class VitEncoderFactory : PluginComponent<VitOptions>, IImageEncoderFactory, IEncoderPresets
{
    public override string Id => "vit";

    public override Version Version => typeof(VitEncoderFactory).Assembly.GetName().Version!;

    public override string Description => "Vision Transformer (ladder Ti/S/B/L at /16 and /32), CLS or mean pooling, patch tokens for FLIP";

    public override PluginKind Kind => PluginKind.Architecture;

    public IReadOnlyList<string> Presets { get; } = [.. VitPreset.All.Select(p => p.Name)];

    public IReadOnlyList<OptionError> Validate(JsonElement? options, ImageEncoderContext context, string fieldPath) =>
        ValidateThen(options, fieldPath, bound => VitConfig.Resolve(bound, context.ImageSize, context.Channels).PatchSize is var patch && context.ImageSize % patch == 0
            ? []
            : [new OptionError($"{fieldPath}.patchSize", $"patch {patch} does not divide the image size {context.ImageSize}")]);

    public EncoderCapabilities Describe(JsonElement? options, ImageEncoderContext context)
    {
        var config = VitConfig.Resolve(BindValid(options, "options"), context.ImageSize, context.Channels);
        return new EncoderCapabilities(Id, HasPatchTokens: true, config.PatchCount);
    }

    public ImageEncoder Create(JsonElement? options, ImageEncoderContext context) =>
        new VisionTransformer("visual", VitConfig.Resolve(BindValid(options, "options"), context.ImageSize, context.Channels));
}
