using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>Builds <see cref="ModifiedResNet"/> encoders; refuses an image the stem and three downsamplings cannot divide.</summary>
public sealed class ResNetEncoderFactory : PluginComponent<ResNetOptions>, IImageEncoderFactory, IEncoderPresets
{
    public override string Id => "resnet";

    public override Version Version => typeof(ResNetEncoderFactory).Assembly.GetName().Version!;

    public override string Description => "CLIP's modified ResNet (RN50: 3-conv stem, anti-aliased bottlenecks 3-4-6-3, attention pooling) with width and depth scale";

    public override PluginKind Kind => PluginKind.Architecture;

    public IReadOnlyList<string> Presets { get; } = [.. ResNetPreset.All.Select(p => p.Name)];

    public IReadOnlyList<OptionError> Validate(JsonElement? options, ImageEncoderContext context, string fieldPath) =>
        ValidateThen(options, fieldPath, bound => Check(ResNetConfig.Resolve(bound, context.ImageSize, context.Channels), fieldPath));

    private static List<OptionError> Check(ResNetConfig config, string fieldPath)
    {
        var needed = config.StemStride * 8;
        var found = new List<OptionError>();
        if (config.ImageSize % needed != 0)
        {
            found.Add(new OptionError($"{fieldPath}.stemStride", $"the image side {config.ImageSize} must be a multiple of stemStride x 8 = {needed} (the stem and three 2x downsamplings)"));
        }
        if (config.FeatureDim % config.Heads != 0)
        {
            found.Add(new OptionError($"{fieldPath}.heads", $"the last stage's {config.FeatureDim} channels must be divisible by heads {config.Heads}"));
        }
        return found;
    }

    public EncoderCapabilities Describe(JsonElement? options, ImageEncoderContext context) => new(Id, HasPatchTokens: false, 0);

    public ImageEncoder Create(JsonElement? options, ImageEncoderContext context) =>
        new ModifiedResNet("visual", ResNetConfig.Resolve(BindValid(options, "options"), context.ImageSize, context.Channels));
}
