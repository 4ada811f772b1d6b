using System.Text.Json.Nodes;
using ClipHost.Abstractions.Architectures;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>
/// The Mixer as open_clip's TimmModel over timm's MlpMixer: the tower's names are timm's already (under <c>trunk.</c>).
/// timm's Mixer entry points fix patch, depth and width in their names and refuse them as keyword arguments, so only
/// the six sizes they name can be written; the image size and the two MLP widths (as ratios of the width) can.
/// </summary>
public sealed partial class MlpMixer
{
    private static readonly (string Name, int Patch, int Depth, int Width)[] TimmNames =
    [
        ("mixer_s32_224", 32, 8, 512), ("mixer_s16_224", 16, 8, 512),
        ("mixer_b32_224", 32, 12, 768), ("mixer_b16_224", 16, 12, 768),
        ("mixer_l32_224", 32, 24, 1024), ("mixer_l16_224", 16, 24, 1024),
    ];

    private string? TimmName => TimmNames.FirstOrDefault(n => n.Patch == _config.PatchSize && n.Depth == _config.Depth && n.Width == _config.Width).Name;

    public string? OpenClipRefusal =>
        OpenClipTimm.ChannelsRefusal(_config.Channels)
        ?? (TimmName is null
            ? $"timm names a Mixer by its patch, depth and width and builds no others ({string.Join(", ", TimmNames.Select(n => $"{n.Name}: {n.Patch}, {n.Depth}, {n.Width}"))}); this one has patch {_config.PatchSize}, depth {_config.Depth}, width {_config.Width}"
        : (int)(_config.TokenMlp / (double)_config.Width * _config.Width) != _config.TokenMlp || (int)(_config.ChannelMlp / (double)_config.Width * _config.Width) != _config.ChannelMlp
            ? $"timm sizes the Mixer's MLPs as ratios of the width, which cannot give {_config.TokenMlp} and {_config.ChannelMlp} from width {_config.Width}"
        : null);

    public string? OpenClipFoldedProjection => null;

    public string? OpenClipProjectionLinear => OpenClipTimm.Projection;

    public JsonObject OpenClipVisionConfig() => OpenClipTimm.VisionConfig(TimmName ?? throw new InvalidOperationException(OpenClipRefusal), _config.ImageSize, new JsonObject
    {
        ["img_size"] = _config.ImageSize,
        ["mlp_ratio"] = new JsonArray(_config.TokenMlp / (double)_config.Width, _config.ChannelMlp / (double)_config.Width),
    }, 0);

    public string OpenClipName(string key) => OpenClipTimm.TrunkName(key);
}
