using ClipHost.Engine.Paths;

namespace ClipHost.Reports;

/// <summary>
/// The files of a run folder a page links to (config, metrics, compute, results, checkpoints, the chosen subset), and
/// the one check every request for a run file goes through: an identifier for the run, a relative path with no
/// "..", "." or hidden segment, and a file that still lies inside the run folder once every link is resolved.
/// </summary>
public static class RunFiles
{
    public static IReadOnlyList<string> List(string runDirectory) => Directory.Exists(runDirectory)
        ? [.. Directory.EnumerateFiles(runDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(runDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(Safe).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The full path of a run's file, or null for anything that is not a file inside that run's folder.</summary>
    public static string? Resolve(string runsRoot, string runId, string relative)
    {
        if (!Identifier.IsValid(runId) || !Safe(relative))
        {
            return null;
        }
        var root = Path.GetFullPath(runsRoot);
        var runDirectory = Path.Combine(root, runId);
        if (!Directory.Exists(runDirectory) || RootedPath.Inside(runDirectory, relative) is not { } full || !File.Exists(full))
        {
            return null;
        }
        // The run folder itself may be a link: the file must also stay under the runs root.
        return RootedPath.IsWithin(RootedPath.Resolve(root), RootedPath.Resolve(full)) ? full : null;
    }

    private static bool Safe(string relative) =>
        !string.IsNullOrEmpty(relative) && !relative.Contains('\\') && !relative.Contains('\0')
        && relative.Split('/').All(s => s.Length > 0 && s[0] != '.');
}
