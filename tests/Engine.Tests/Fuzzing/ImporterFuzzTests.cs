namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// Generated malformed inputs through each importer, the decoder and the experiment validator: no crash, no hang, no
/// write outside the case's root, every rejection naming what is wrong. CI runs a few hundred cases per target at a
/// fixed seed; scripts/fuzz.sh runs thousands at a random seed (CLIPHOST_FUZZ_CASES, CLIPHOST_FUZZ_SEED).
/// </summary>
public sealed class ImporterFuzzTests
{
    [Fact]
    public void CsvManifest_MutatedManifests_NeitherCrashNorEscapeAndNameEveryRejection() => Check(new CsvManifestTarget(), 300);

    internal static void Check(IFuzzTarget target, int ciCases)
    {
        var figures = FuzzDriver.Run(target, ciCases);
        Assert.True(figures.FindingCount == 0, figures.Publish() + "\n" + string.Join("\n", figures.Findings));
    }
}
