using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Samples.PlainCnn;

/// <summary>
/// The factory is what the host calls: Validate before any job is queued (errors name the config field), Describe to
/// tell strategies what they get (no patch tokens here, so FLIP refuses this encoder), Create to build it.
/// </summary>
public sealed class PlainCnnEncoderFactory : PluginComponent<PlainCnnOptions>, IImageEncoderFactory, IEncoderPresets
{
    internal static readonly Dictionary<string, int[]> PresetWidths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mini"] = [32, 64, 128, 256],
        ["wide"] = [64, 128, 256, 512],
    };

    public override string Id => "plain-cnn";

    public override Version Version => typeof(PlainCnnEncoderFactory).Assembly.GetName().Version!;

    public override string Description => "A plain VGG-style CNN: 3x3 convolutions, BatchNorm, ReLU, global average pooling (a sample plugin built outside the solution)";

    public override PluginKind Kind => PluginKind.Architecture;

    public IReadOnlyList<string> Presets => [.. PresetWidths.Keys];

    // The base class binds and checks the options themselves; then what needs the image: stages 2-4 halve the map,
    // and an odd side would make the compute count and the real shapes disagree.
    public IReadOnlyList<OptionError> Validate(JsonElement? options, ImageEncoderContext context, string fieldPath) =>
        ValidateThen(options, fieldPath, _ => context.ImageSize % 8 == 0
            ? []
            : [new OptionError(fieldPath, $"the image side {context.ImageSize} must be a multiple of 8 (three 2x downsamplings)")]);

    public EncoderCapabilities Describe(JsonElement? options, ImageEncoderContext context) => new(Id, HasPatchTokens: false, 0);

    public ImageEncoder Create(JsonElement? options, ImageEncoderContext context)
    {
        var o = BindValid(options, "options");
        return new PlainCnnEncoder("visual", context.Channels, o.Widths ?? PresetWidths[o.Preset], o.BlocksPerStage);
    }
}
