namespace ClipHost.Engine.Data.Store;

/// <summary>The last file an import writes; a store directory without it is not a store.</summary>
/// <param name="LabelSets">Class names per label set, sorted; a sample's label is an index into its set.</param>
/// <param name="ContentHash">SHA-256 over the pixel file and the sample index as written.</param>
public sealed record StoreManifest(
    string Format,
    string Name,
    string Source,
    int Resolution,
    int Count,
    IReadOnlyDictionary<string, int> Splits,
    IReadOnlyDictionary<string, IReadOnlyList<string>> LabelSets,
    string ContentHash,
    DateTimeOffset CreatedUtc,
    int Skipped,
    long Seed,
    double ValFraction,
    double TestFraction)
{
    /// <summary>
    /// Licence per part of the data where the source knows it (each emoji style's: "fluent-flat": "MIT"); absent in
    /// stores of other sources and in stores written before it was kept, which read as null.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Licences { get; init; }

    /// <summary>The only format this engine reads and writes.</summary>
    public const string CurrentFormat = "cliphost-store/1";
}
