namespace ClipHost.Engine.Data.Store;

/// <summary>The last file an import writes; a store directory without it is not a store.</summary>
public sealed record StoreManifest
{
    /// <summary>The only format this engine reads and writes.</summary>
    public const string CurrentFormat = "cliphost-store/1";

    public required string Format { get; init; }
    public required string Name { get; init; }
    public required string Source { get; init; }
    public required int Resolution { get; init; }
    public required int Count { get; init; }
    public required IReadOnlyDictionary<string, int> Splits { get; init; }

    /// <summary>Class names per label set, sorted; a sample's label is an index into its set.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> LabelSets { get; init; }

    /// <summary>SHA-256 over the pixel file and the sample index as written.</summary>
    public required string ContentHash { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
    public required int Skipped { get; init; }
    public required long Seed { get; init; }
    public required double ValFraction { get; init; }
    public required double TestFraction { get; init; }
}
