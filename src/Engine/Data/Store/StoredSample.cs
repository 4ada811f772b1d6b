namespace ClipHost.Engine.Data.Store;

/// <summary>One line of samples.jsonl: a sample's text, labels (by name) and metadata.</summary>
public sealed record StoredSample
{
    public required int Id { get; init; }
    public required string Key { get; init; }
    public required IReadOnlyList<string> Captions { get; init; }
    public required string Split { get; init; }
    public required string Group { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();
}
