using System.Text.Json.Nodes;
using ClipHost.Abstractions.Architectures;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>
/// The ConvNeXt as open_clip's TimmModel over timm's ConvNeXt: the tower's names are timm's already (under
/// <c>trunk.</c>), the entry point convnext_tiny with its depths and dims replaced, timm's defaults otherwise (7x7
/// depthwise kernels, MLP ratio 4, Linear MLP on channels-last maps, LayerNorm eps 1e-6, head norm after pooling), all
/// as this tower. ClipHost's projection is the TimmModel head's Linear.
/// </summary>
public sealed partial class ConvNeXt
{
    public string? OpenClipRefusal => OpenClipTimm.ChannelsRefusal(_config.Channels);

    public string? OpenClipFoldedProjection => null;

    public string? OpenClipProjectionLinear => OpenClipTimm.Projection;

    public JsonObject OpenClipVisionConfig() => OpenClipTimm.VisionConfig("convnext_tiny", _config.ImageSize, new JsonObject
    {
        ["depths"] = new JsonArray([.. _config.Depths.Select(d => JsonValue.Create(d))]),
        ["dims"] = new JsonArray([.. _config.Widths.Select(w => JsonValue.Create(w))]),
        ["patch_size"] = _config.StemPatch,
        ["ls_init_value"] = _config.LayerScaleInit,
    }, _config.DropPath);

    public string OpenClipName(string key) => OpenClipTimm.TrunkName(key);
}
