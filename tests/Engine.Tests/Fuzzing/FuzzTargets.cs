namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>Every target by its name, for the corpus replay.</summary>
public static class FuzzTargets
{
    public static IReadOnlyDictionary<string, IFuzzTarget> All { get; } = new IFuzzTarget[]
    {
        new CsvManifestTarget(), new FolderTarget(), new WebDatasetTarget(), new ImageDecoderTarget(), new ExperimentConfigTarget(),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);
}
