using System.Text.Json.Nodes;
using ClipHost.Modules;

namespace ClipHost.Plugins.Architectures.Vit;

/// <summary>
/// The ViT as open_clip's VisionTransformer: same module names (only the fused attention projection is spelled
/// in_proj_weight there), pooled at the class token after ln_post (open_clip's default, final_ln_after_pool false: the
/// norm is per token, so norming then pooling equals pooling then norming, as this tower does).
/// </summary>
public sealed partial class VisionTransformer
{
    public string? OpenClipRefusal =>
        !_config.ClassToken ? "a ViT pooled by the mean of its patch tokens (pool \"mean\") has no open_clip vision_cfg that pools the same way; export a ViT with pool \"cls\""
        : _config.Channels != 3 ? $"open_clip's ViT takes RGB images; this one takes {_config.Channels} channels"
        : null;

    public string? OpenClipFoldedProjection => null;

    public string? OpenClipProjectionLinear => null;

    public JsonObject OpenClipVisionConfig() => new()
    {
        ["image_size"] = _config.ImageSize,
        ["layers"] = _config.Depth,
        ["width"] = _config.Width,
        ["patch_size"] = _config.PatchSize,
        ["head_width"] = _config.Width / _config.Heads,
        ["mlp_ratio"] = _config.MlpWidth / (double)_config.Width,
    };

    public string OpenClipName(string key) => TransformerBlock.OpenClipName(key);
}
