namespace ClipHost.Engine.Paths;

/// <summary>
/// Paths that a config or a request names, kept inside the root they belong to. A name is joined to its root only when it
/// is an <see cref="Identifier"/>; a path (absolute, or relative to the root) is accepted only when it still lies inside
/// the root once "..", "." and every symbolic link on the way are resolved.
/// </summary>
public static class RootedPath
{
    /// <summary>The kernel's limit on links followed while resolving one path (Linux MAXSYMLINKS).</summary>
    private const int MaxLinks = 40;

    /// <summary>root/name for an identifier; throws the field's error for anything else.</summary>
    public static string Child(string root, string name, string field) => Path.Combine(Path.GetFullPath(root), Identifier.Require(name, field));

    /// <summary>The full path of <paramref name="path"/> (relative to <paramref name="root"/> unless absolute), or null when it lies outside the root.</summary>
    public static string? Inside(string root, string path)
    {
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(path, fullRoot);
        try
        {
            return IsWithin(Resolve(fullRoot), Resolve(full)) ? full : null;
        }
        catch (IOException)
        {
            // A link loop or a path too long to resolve: nothing a config should name.
            return null;
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it (both full paths, links already resolved).</summary>
    public static bool IsWithin(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative == "." || !(relative == ".." || relative.StartsWith($"..{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    /// <summary>A full path with every symbolic link on it replaced by its target, as the kernel would follow them (realpath, also for a path whose tail does not exist yet).</summary>
    public static string Resolve(string fullPath) => Resolve(fullPath, 0);

    private static string Resolve(string fullPath, int links)
    {
        var current = Path.GetPathRoot(fullPath)!;
        foreach (var part in fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"{fullPath}: too many levels of symbolic links");
                }
                next = Resolve(Path.GetFullPath(target, current), links);
            }
            current = next;
        }
        return current;
    }
}
