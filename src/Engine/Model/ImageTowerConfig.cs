namespace ClipHost.Engine.Model;

/// <summary>The image tower: an architecture plugin by id, with its options, at a training image size.</summary>
public sealed record ImageTowerConfig
{
    [Required]
    public string Architecture { get; init; } = "vit";

    public JsonElement? Options { get; init; }

    [Range(8, 1024)]
    public int ImageSize { get; init; } = 64;
}
