using ClipHost.Modules;

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

    /// <summary>
    /// Weights a new run starts from instead of its seed (<see cref="ModelInitConfig"/>). Left out of the JSON when null,
    /// so the hash of every config written before it existed is unchanged.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ModelInitConfig? Init { get; init; }

    /// <summary>CLIP's image normalisation (open_clip OPENAI_DATASET_MEAN / STD), the one definition in <see cref="ClipNormalization"/>.</summary>
    public static readonly float[] Mean = [.. ClipNormalization.Mean];

    public static readonly float[] Std = [.. ClipNormalization.Std];
}
