using System.ComponentModel.DataAnnotations;

namespace ClipHost.Engine.Experiments;

/// <summary>The training data: a store, the samples to train on, and how a caption is drawn per sample.</summary>
public sealed record DataConfig
{
    [Required]
    public string Store { get; init; } = string.Empty;

    /// <summary>Defaults to the train split; held-out values (a vendor style) go in Except.</summary>
    public SampleSelection Train { get; init; } = new() { Split = "train" };

    /// <summary>"random": a caption drawn per sample per step (seeded); "first": always the primary caption.</summary>
    [RegularExpression("^(random|first)$", ErrorMessage = "must be 'random' or 'first'")]
    public string Captions { get; init; } = "random";
}
