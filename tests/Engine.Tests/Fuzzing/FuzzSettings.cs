using System.Globalization;
using System.Security.Cryptography;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// CI mode (no variables): a fixed seed and each target's small case count, so a CI failure replays exactly. Long
/// mode: CLIPHOST_FUZZ_CASES=N cases per target and a random seed, printed (CLIPHOST_FUZZ_SEED=S replays a run).
/// </summary>
public sealed record FuzzSettings(int Cases, ulong Seed, bool IsLong)
{
    public const ulong CiSeed = 20261130;

    public static FuzzSettings For(int ciCases)
    {
        var cases = Environment.GetEnvironmentVariable("CLIPHOST_FUZZ_CASES");
        var seed = Environment.GetEnvironmentVariable("CLIPHOST_FUZZ_SEED");
        var isLong = !string.IsNullOrEmpty(cases);
        return new FuzzSettings(
            isLong ? int.Parse(cases!, CultureInfo.InvariantCulture) : ciCases,
            !string.IsNullOrEmpty(seed) ? ulong.Parse(seed, CultureInfo.InvariantCulture)
                : isLong ? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1 : CiSeed,
            isLong);
    }

    /// <summary>CLIPHOST_FUZZ_VERBOSE=1 prints every case's verdict, to see what a generator really reaches.</summary>
    public static bool Verbose => Environment.GetEnvironmentVariable("CLIPHOST_FUZZ_VERBOSE") == "1";

    /// <summary>Where a run appends its figures as tab-separated lines (scripts/fuzz.sh collects them), if set.</summary>
    public static string? FiguresFile => Environment.GetEnvironmentVariable("CLIPHOST_FUZZ_FIGURES") is { Length: > 0 } f ? f : null;

    /// <summary>Where failing cases are saved in corpus form, ready to be copied into Corpus/&lt;target&gt;/.</summary>
    public static string FindingsFolder =>
        Environment.GetEnvironmentVariable("CLIPHOST_FUZZ_FINDINGS") is { Length: > 0 } f ? f : Path.Combine(Path.GetTempPath(), "cliphost-fuzz-findings");
}
