namespace ClipHost.Engine.Experiments;

/// <summary>The training strategy plugin by id, with its options.</summary>
public sealed record StrategyConfig
{
    [Required]
    public string Id { get; init; } = "clip";

    public JsonElement? Options { get; init; }
}
