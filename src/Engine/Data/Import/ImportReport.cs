namespace ClipHost.Engine.Data.Import;

/// <summary>What an import did; written as import-report.json in the store and printed by the CLI.</summary>
public sealed record ImportReport(
    string Source,
    string Name,
    string StorePath,
    int Imported,
    int Skipped,
    IReadOnlyDictionary<string, int> Splits,
    IReadOnlyDictionary<string, int> SkipReasons,
    IReadOnlyList<SkippedSample> SkippedSamples,
    double Seconds,
    double ImagesPerSecond,
    string ContentHash);
