using System.Globalization;
using System.Text;

namespace ClipHost.Host.Tests.Soak;

/// <summary>The soak's figures as a markdown table, one row per host, for docs/reliability.md (Soak).</summary>
public static class SoakReport
{
    public sealed record HostFigures(int ProcessId, IReadOnlyDictionary<SoakJobKind, int> Processed, Series RssMiB, Series OpenFiles, Series Threads, int Samples);

    public static string Render(int jobs, TimeSpan duration, string exactlyOnce, IReadOnlyList<HostFigures> hosts)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{jobs} jobs in {duration.TotalMinutes:F1} min on {hosts.Count} hosts sharing PostgreSQL; {exactlyOnce}");
        text.AppendLine();
        text.AppendLine("| host | runs / imports / filters processed | samples | RSS MiB first / median / last / max | RSS MiB/min, 2nd half | fds first / median / last / max | fds max, 1st / last quarter | threads first / median / last / max |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var h in hosts)
        {
            text.AppendLine(c, $"| pid {h.ProcessId} | {Count(h, SoakJobKind.Run)} / {Count(h, SoakJobKind.Import)} / {Count(h, SoakJobKind.Filter)} | {h.Samples} "
                + $"| {h.RssMiB.First:F0} / {h.RssMiB.Median:F0} / {h.RssMiB.Last:F0} / {h.RssMiB.Max:F0} | {h.RssMiB.SecondHalfSlopePerMinute:+0.0;-0.0} "
                + $"| {h.OpenFiles.First:F0} / {h.OpenFiles.Median:F0} / {h.OpenFiles.Last:F0} / {h.OpenFiles.Max:F0} | {h.OpenFiles.FirstQuarterMax:F0} / {h.OpenFiles.LastQuarterMax:F0} "
                + $"| {h.Threads.First:F0} / {h.Threads.Median:F0} / {h.Threads.Last:F0} / {h.Threads.Max:F0} |");
        }
        return text.ToString();
    }

    private static int Count(HostFigures h, SoakJobKind kind) => h.Processed.GetValueOrDefault(kind);
}
