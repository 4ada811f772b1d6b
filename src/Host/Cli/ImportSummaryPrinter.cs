using ClipHost.Engine.Data.Import;

namespace ClipHost.Host.Cli;

/// <summary>Prints what an import did, one block per source, naming every skipped sample up to a limit.</summary>
public static class ImportSummaryPrinter
{
    private const int ListedSkips = 50;

    public static void Print(ImportReport r, TextWriter output)
    {
        var splits = string.Join(", ", r.Splits.Where(s => s.Value > 0).Select(s => $"{s.Key} {s.Value}"));
        output.WriteLine($"{r.Source}: imported {r.Imported}, skipped {r.Skipped} in {r.Seconds:F1} s ({r.ImagesPerSecond:F0} images/s) -> {r.StorePath} [{splits}]");
        PrintSkips(r.SkipReasons, r.SkippedSamples, r.Skipped, output, Path.Combine(r.StorePath, "import-report.json"));
    }

    public static void PrintSkips(IReadOnlyDictionary<string, int> reasons, IReadOnlyList<SkippedSample> samples, int total, TextWriter output, string? reportPath)
    {
        if (total == 0)
        {
            return;
        }
        output.WriteLine("  skipped by reason: " + string.Join("; ", reasons.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}: {kv.Value}")));
        foreach (var s in samples.Take(ListedSkips))
        {
            output.WriteLine($"  skipped {s.Key}: {s.Reason}");
        }
        if (total > ListedSkips)
        {
            output.WriteLine($"  ... {total - ListedSkips} more" + (reportPath is null ? string.Empty : $" in {reportPath}"));
        }
    }
}
