using System.Text.Json.Nodes;

namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>
/// The ResNet as open_clip's ModifiedResNet: the same names (conv1..3, bn1..3, layerN.i with downsample.0/.1, attnpool
/// q/k/v/c_proj), a stem of stride 4 (open_clip has no other), the attention pool's output projection carrying the
/// embedding (open_clip's tower has no separate projection: the export folds ClipHost's into attnpool.c_proj).
/// </summary>
public sealed partial class ModifiedResNet
{
    public string? OpenClipRefusal =>
        _config.StemStride != 4 ? $"open_clip's ModifiedResNet has a stem of stride 4; this one has stride {_config.StemStride} (set the option stemStride: 4 to train one open_clip can load)"
        : _config.Channels != 3 ? $"open_clip's ModifiedResNet takes RGB images; this one takes {_config.Channels} channels"
        : _config.ImageSize % 32 != 0 ? $"open_clip's ModifiedResNet needs an image size divisible by 32; this one is {_config.ImageSize}"
        : null;

    public string? OpenClipFoldedProjection => "attnpool.c_proj";

    public string? OpenClipProjectionLinear => null;

    public JsonObject OpenClipVisionConfig() => new()
    {
        ["image_size"] = _config.ImageSize,
        ["layers"] = new JsonArray([.. _config.Layers.Select(l => JsonValue.Create(l))]),
        ["width"] = _config.Width,
        ["head_width"] = _config.FeatureDim / _config.Heads,
    };

    public string OpenClipName(string key) => key;
}
