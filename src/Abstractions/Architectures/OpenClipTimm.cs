using System.Text.Json.Nodes;

namespace ClipHost.Abstractions.Architectures;

/// <summary>
/// How open_clip holds an image tower it builds through timm (open_clip's TimmModel): the timm model under
/// <c>trunk.</c>, built by <c>timm.create_model(timm_model_name, **timm_model_kwargs)</c> with its classifier removed and
/// average pooling, then a Linear without bias to the embedding (<c>head.proj</c>). The name picks the entry point and
/// the keyword arguments override the sizes that entry point would set, so a tower of any width and depth timm's class
/// can build is expressible, as long as the entry point lets the kwargs override them.
/// </summary>
public static class OpenClipTimm
{
    /// <summary>The projection to the embedding, a Linear weight [embed, features] relative to the tower.</summary>
    public const string Projection = "head.proj.weight";

    /// <summary>Why a tower of this many input channels cannot be exported (open_clip's towers take RGB), or null.</summary>
    /// <param name="channels">The tower's input channels.</param>
    /// <returns>The refusal, or null when the tower takes RGB.</returns>
    public static string? ChannelsRefusal(int channels) =>
        channels != 3 ? $"open_clip's towers take RGB images; this one takes {channels} channels" : null;

    /// <summary>open_clip's name, relative to the tower, of a key of the timm model.</summary>
    public static string TrunkName(string key) => "trunk." + key;

    /// <summary>open_clip's <c>vision_cfg</c> for a timm tower (<c>timm_model_kwargs</c> is read by open_clip's main branch, 4.2.0.dev0 in 2026; releases up to 3.3 ignore it and build the entry point's own sizes, whose shapes then refuse these weights).</summary>
    /// <param name="modelName">The timm entry point (e.g. convnext_tiny) whose defaults <paramref name="modelKwargs"/> override.</param>
    /// <param name="imageSize">The image side the tower takes.</param>
    /// <param name="modelKwargs">The keyword arguments for timm.create_model that make timm's model this one.</param>
    /// <param name="dropPath">The tower's stochastic depth, so fine-tuning in open_clip regularises as ClipHost did.</param>
    /// <returns>A new JSON object.</returns>
    public static JsonObject VisionConfig(string modelName, int imageSize, JsonObject modelKwargs, double dropPath) => new()
    {
        ["image_size"] = imageSize,
        ["timm_model_name"] = modelName,
        ["timm_model_pretrained"] = false,
        ["timm_pool"] = "avg",
        ["timm_proj"] = "linear",
        ["timm_proj_bias"] = false,
        ["timm_drop_path"] = dropPath,
        ["timm_model_kwargs"] = modelKwargs,
    };
}
