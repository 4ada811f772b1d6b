using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Experiments;

/// <summary>The training data: a store, the samples to train on, and how a caption is drawn per sample.</summary>
public sealed record DataConfig
{
    /// <summary>A store's name under the stores root; never a path.</summary>
    [Required]
    [Identifier]
    public string Store { get; init; } = string.Empty;

    /// <summary>Defaults to the train split; held-out values (a vendor style) go in Except.</summary>
    public SampleSelection Train { get; init; } = new() { Split = "train" };

    /// <summary>"random": a caption drawn per sample per step (seeded); "first": always the primary caption.</summary>
    [RegularExpression("^(random|first)$", ErrorMessage = "must be 'random' or 'first'")]
    public string Captions { get; init; } = "random";

    /// <summary>A subset made earlier (POST /api/filters) by name under the data root's subsets/; the run trains on its ids within <see cref="Train"/>.</summary>
    [Identifier]
    public string? Subset { get; init; }

    /// <summary>
    /// Data filters applied in order to the training selection (after <see cref="Subset"/>) before the first step; the kept
    /// ids and their lineage are written to the run's subset/ folder, and a resumed run reuses them.
    /// </summary>
    public IReadOnlyList<FilterStep> Filters { get; init; } = [];

    /// <summary>Seed for filters with randomness (random subsets); apart from the training seed, so a seed sweep trains on one subset.</summary>
    public long FilterSeed { get; init; }
}
