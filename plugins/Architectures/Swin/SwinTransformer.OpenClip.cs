using System.Text.Json.Nodes;
using ClipHost.Abstractions.Architectures;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// The Swin as open_clip's TimmModel over timm's SwinTransformer: the tower's names are timm's already (under
/// <c>trunk.</c>; the relative position index and the shift masks are buffers timm does not save either), the entry
/// point swin_tiny_patch4_window7_224 with every size replaced. timm shrinks a window to a stage map no larger than it
/// and does not shift it, as this tower does, so the bias tables have the same shapes; its shift mask uses -100 where
/// this tower uses -inf, which softmax turns into the same zeros (e^-100 is below fp32's smallest normal).
/// </summary>
public sealed partial class SwinTransformer
{
    public string? OpenClipRefusal =>
        OpenClipTimm.ChannelsRefusal(_config.Channels)
        ?? (Enumerable.Range(0, SwinConfig.Stages).FirstOrDefault(s => (int)(_config.WidthAt(s) * _config.MlpRatio) != _config.HiddenAt(s), -1) is var stage && stage >= 0
            ? $"stage {stage}'s MLP is {_config.HiddenAt(stage)} wide (width x mlpRatio {_config.MlpRatio} rounded) where timm truncates to {(int)(_config.WidthAt(stage) * _config.MlpRatio)}"
        : null);

    public string? OpenClipFoldedProjection => null;

    public string? OpenClipProjectionLinear => OpenClipTimm.Projection;

    public JsonObject OpenClipVisionConfig() => OpenClipTimm.VisionConfig("swin_tiny_patch4_window7_224", _config.ImageSize, new JsonObject
    {
        ["img_size"] = _config.ImageSize,
        ["patch_size"] = _config.PatchSize,
        ["window_size"] = _config.WindowSize,
        ["embed_dim"] = _config.EmbedDim,
        ["depths"] = new JsonArray([.. _config.Depths.Select(d => JsonValue.Create(d))]),
        ["num_heads"] = new JsonArray([.. _config.Heads.Select(h => JsonValue.Create(h))]),
        ["mlp_ratio"] = _config.MlpRatio,
    }, _config.DropPath);

    public string OpenClipName(string key) => OpenClipTimm.TrunkName(key);
}
