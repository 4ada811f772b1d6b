using System.Globalization;
using System.Security.Cryptography;

namespace ClipHost.Host.Runs;

/// <summary>
/// A submitted run's id: the experiment's name, the submission time and 4 random hex digits, so runs of one experiment
/// sort by time and never collide. The id names the run's folder, so the name leaves room for the suffix.
/// </summary>
public static class RunIds
{
    /// <summary>The length of "-yyyyMMdd-HHmmss-xxxx".</summary>
    public const int SuffixLength = 21;

    public static string New(string experiment, DateTimeOffset submittedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{experiment}-{submittedAt:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}");
}
