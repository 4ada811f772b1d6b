using System.ComponentModel.DataAnnotations;

namespace ClipHost.Engine.Model;

/// <summary>What a CLIP model is built from; saved beside its weights (open_clip's model_cfg).</summary>
public sealed record ClipModelConfig
{
    [Range(8, 8192)]
    public int EmbedDim { get; init; } = 256;

    [Required]
    public ImageTowerConfig Vision { get; init; } = new();

    [Required]
    public TextConfig Text { get; init; } = new();

    /// <summary>CLIP's image normalisation (open_clip OPENAI_DATASET_MEAN / STD).</summary>
    public static readonly float[] Mean = [0.48145466f, 0.4578275f, 0.40821073f];

    public static readonly float[] Std = [0.26862954f, 0.26130258f, 0.27577711f];
}
