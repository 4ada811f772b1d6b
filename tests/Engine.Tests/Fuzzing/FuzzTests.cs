namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// Generated malformed inputs through each importer, the decoder and the experiment validator: no crash, no hang, no
/// write outside the case's root, every rejection naming what is wrong. CI runs a few hundred cases per target at a
/// fixed seed; scripts/fuzz.sh runs thousands at a random seed (CLIPHOST_FUZZ_CASES, CLIPHOST_FUZZ_SEED).
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    public void CsvManifest_MutatedManifests_NeitherCrashNorEscapeAndNameEveryRejection() => Check(new CsvManifestTarget(), 200);

    [Fact]
    public void Folder_GeneratedTreesWithOddNamesAndLinks_NeitherCrashNorEscapeAndNameEverySkip() => Check(new FolderTarget(), 150);

    [Fact]
    public void WebDataset_MutatedTarAndGzipShards_NeitherCrashNorEscapeAndNameEverySkip() => Check(new WebDatasetTarget(), 300);

    [Fact]
    public void ImageDecoder_MutatedAndLyingImages_GiveAThumbnailOrAReason() => Check(new ImageDecoderTarget(), 1000);

    [Fact]
    public void ExperimentConfig_MutatedJson_IsRefusedFieldByFieldOrNamesOnlyStoresInsideTheRoot() => Check(new ExperimentConfigTarget(), 600);

    [Fact]
    public void ExperimentConfig_EveryShippedExperiment_StillParses()
    {
        // Nulls became field errors after the fuzzer found one crashing Validate; no shipped config may rely on them.
        // Study and search files are not experiments (they name one as their base): ShippedStudiesTests and
        // ShippedSearchesTests parse and expand each.
        var experiments = Path.Combine(TestSupport.Importer.RepositoryRoot(), "experiments");
        string[] notExperiments = [Path.Combine(experiments, "studies") + Path.DirectorySeparatorChar, Path.Combine(experiments, "searches") + Path.DirectorySeparatorChar];
        var files = Directory.EnumerateFiles(experiments, "*.json", SearchOption.AllDirectories).Where(f => !notExperiments.Any(d => f.StartsWith(d, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var (config, errors) = ClipHost.Engine.Experiments.ExperimentJson.Load(file);
            Assert.True(config is not null && errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
        }
    }

    internal static void Check(IFuzzTarget target, int ciCases)
    {
        var figures = FuzzDriver.Run(target, ciCases);
        Assert.True(figures.FindingCount == 0, figures.Line + "\n" + string.Join("\n", figures.Findings));
    }
}
