namespace ClipHost.Engine.Data.Import;

/// <summary>What an import did; written as import-report.json in the store and printed by the CLI.</summary>
public sealed record ImportReport
{
    public required string Source { get; init; }
    public required string Name { get; init; }
    public required string StorePath { get; init; }
    public required int Imported { get; init; }
    public required int Skipped { get; init; }
    public required IReadOnlyDictionary<string, int> Splits { get; init; }
    public required IReadOnlyDictionary<string, int> SkipReasons { get; init; }
    public required IReadOnlyList<SkippedSample> SkippedSamples { get; init; }
    public required double Seconds { get; init; }
    public required double ImagesPerSecond { get; init; }
    public required string ContentHash { get; init; }
}
