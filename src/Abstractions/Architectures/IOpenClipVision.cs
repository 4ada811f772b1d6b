using System.Text.Json.Nodes;

namespace ClipHost.Abstractions.Architectures;

/// <summary>
/// An image encoder open_clip can express (its own ViT and ModifiedResNet, or a timm model through its TimmModel: see
/// <see cref="OpenClipTimm"/>): the <c>vision_cfg</c> open_clip builds the
/// same tower from, and the open_clip name of each of this encoder's state-dict keys. An encoder that does not
/// implement it is refused by <c>clip-host export --format open_clip</c>, naming its architecture.
/// </summary>
public interface IOpenClipVision
{
    /// <summary>Why this configuration of the encoder has no open_clip equivalent (e.g. a pooling open_clip lacks); null when it has one.</summary>
    string? OpenClipRefusal { get; }

    /// <summary>
    /// The Linear (relative to the tower, e.g. <c>attnpool.c_proj</c>) whose output open_clip's tower returns as the
    /// embedding: ClipHost's separate visual projection is folded into it (W' = P W, b' = P b), since open_clip's
    /// tower has none of its own; null when open_clip keeps the projection apart (<c>visual.proj</c>, as for a ViT).
    /// </summary>
    string? OpenClipFoldedProjection { get; }

    /// <summary>
    /// Where open_clip keeps ClipHost's visual projection when it is not folded: null for open_clip's own <c>visual.proj</c>
    /// matrix ([features, embed], applied as <c>x @ proj</c>: the transpose of ClipHost's Linear weight), or the name,
    /// relative to the tower, of a Linear weight that takes ClipHost's as it is (a timm tower's <c>head.proj.weight</c>).
    /// </summary>
    string? OpenClipProjectionLinear { get; }

    /// <summary>open_clip's <c>vision_cfg</c> for this encoder (image_size, layers, width, patch_size, head_width, mlp_ratio, ...).</summary>
    /// <returns>A new JSON object.</returns>
    JsonObject OpenClipVisionConfig();

    /// <summary>The open_clip name of one of this encoder's state-dict keys, relative to the tower (no <c>visual.</c> prefix).</summary>
    /// <param name="key">The key as this encoder's state dict names it.</param>
    /// <returns>The key open_clip's tower has for the same tensor, of the same shape.</returns>
    string OpenClipName(string key);
}
