using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// Judges one import as the CLI and the service would meet it. Passes: a report whose store lies inside the root and
/// whose every skipped sample has a key and a reason; a refusal as OptionsValidationFailedException (every error with
/// its field) or NothingImportedException (every skip named); a whole-file refusal (InvalidDataException,
/// FileNotFoundException, DirectoryNotFoundException) naming the input. Any other exception is a crash.
/// </summary>
public static class ImportJudge
{
    public static ImportOptions Options(Sandbox sandbox) => new()
    {
        StoresRoot = Path.Combine(sandbox.Root, "stores"),
        Resolution = 16,
        // Replace is the dangerous case: a derived name of ".." would replace the root's parent.
        Replace = true,
        MaxFileBytes = 256 << 10,
        MaxShardMembers = 500,
        MaxShardBytes = 64L << 20,
        MaxBytesInFlight = 8L << 20,
    };

    public static Outcome Run(IImportSource source, ImportOptions options, string inputName, CancellationToken cancellationToken)
    {
        try
        {
            var report = TestSupport.Importer.Create().ImportAsync(source, options, null, cancellationToken).GetAwaiter().GetResult();
            if (!Inside(report.StorePath, options.StoresRoot))
            {
                return new Outcome(Verdict.Escape, $"store '{report.Name}' written at {report.StorePath}, outside {options.StoresRoot}");
            }
            return Skips(report) ?? Outcome.Accepted($"{report.Imported} imported, {report.Skipped} skipped");
        }
        catch (OptionsValidationFailedException e)
        {
            return e.Errors.Count > 0 && e.Errors.All(x => x.Field.Length > 0 && x.Message.Length > 0)
                ? Outcome.Rejected(e.Message)
                : new Outcome(Verdict.Unnamed, $"refused without a field: {e.Message}");
        }
        catch (NothingImportedException e)
        {
            return Skips(e.Report) ?? Outcome.Rejected($"{e.Message}: {string.Join("; ", e.Report.SkipReasons.Keys)}");
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            return Outcome.Named(e.Message, inputName);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new Outcome(Verdict.Hang, "cancelled at the time limit");
        }
#pragma warning disable CA1031 // Any other exception is what the fuzzer is looking for: it becomes a crash verdict.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Outcome.Crash(e);
        }
    }

    public static bool Inside(string path, string root)
    {
        var full = Path.GetFullPath(path);
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) && full.Length > prefix.Length;
    }

    private static Outcome? Skips(ImportReport report)
    {
        var unnamed = report.SkippedSamples.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Key) || string.IsNullOrWhiteSpace(s.Reason));
        if (unnamed is not null)
        {
            return new Outcome(Verdict.Unnamed, $"a skipped sample without a key or a reason: '{unnamed.Key}': '{unnamed.Reason}'");
        }
        return report.SkippedSamples.Count < Math.Min(report.Skipped, 10_000)
            ? new Outcome(Verdict.Unnamed, $"{report.Skipped} skipped but only {report.SkippedSamples.Count} listed")
            : null;
    }
}
