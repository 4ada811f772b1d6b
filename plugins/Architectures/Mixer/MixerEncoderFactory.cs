using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>Builds <see cref="MlpMixer"/> encoders. The token-mixing MLP is sized for one token count, so it has no patch-token interface (FLIP refuses it).</summary>
public sealed class MixerEncoderFactory : PluginComponent<MixerOptions>, IImageEncoderFactory, IEncoderPresets
{
    public override string Id => "mixer";

    public override Version Version => typeof(MixerEncoderFactory).Assembly.GetName().Version!;

    public override string Description => "MLP-Mixer (S, B, L at /32 and /16): token-mixing and channel-mixing MLPs, global average pooling";

    public override PluginKind Kind => PluginKind.Architecture;

    public IReadOnlyList<string> Presets { get; } = [.. MixerPreset.All.Select(p => p.Name)];

    public IReadOnlyList<OptionError> Validate(JsonElement? options, ImageEncoderContext context, string fieldPath) =>
        ValidateThen(options, fieldPath, bound => MixerConfig.Resolve(bound, context.ImageSize, context.Channels).PatchSize is var patch && context.ImageSize % patch == 0
            ? []
            : [new OptionError($"{fieldPath}.patchSize", $"patch {patch} does not divide the image size {context.ImageSize}")]);

    public EncoderCapabilities Describe(JsonElement? options, ImageEncoderContext context) => new(Id, HasPatchTokens: false, 0);

    public ImageEncoder Create(JsonElement? options, ImageEncoderContext context) =>
        new MlpMixer("visual", MixerConfig.Resolve(BindValid(options, "options"), context.ImageSize, context.Channels));
}
