using System.Globalization;

namespace ClipHost.Host.Tests.Soak;

/// <summary>One reading of a process's resources from /proc: resident memory, open descriptors, threads.</summary>
public sealed record ProcessSample(TimeSpan At, long RssBytes, int OpenFiles, int Threads)
{
    /// <summary>Reads /proc/&lt;pid&gt;; null once the process is gone (the caller's checks then report it).</summary>
    public static ProcessSample? Read(int pid, TimeSpan at)
    {
        try
        {
            long rss = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) << 10;
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
                }
            }
            var files = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
            return new ProcessSample(at, rss, files, threads);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
