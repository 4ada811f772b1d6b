using System.IO.Enumeration;

namespace ClipHost.Engine.IO;

/// <summary>
/// Lists a folder tree without ever following a symbolic link: a link to a directory is returned as a link and not
/// entered, so a link to an ancestor cannot make the walk loop, and nothing outside the tree is reached through one.
/// The token is checked at every entry, so a walk of a huge tree stops when asked.
/// </summary>
public static class FileWalk
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = true,
        // Dot files and folders count as they always did; an unreadable folder fails rather than vanishing unnoticed.
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Every regular file and every symbolic link under <paramref name="root"/>, in no particular order.</summary>
    public static IEnumerable<WalkEntry> Enumerate(string root, CancellationToken cancellationToken)
    {
        var entries = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsLink)>(
            root,
            (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory, IsLink(ref e)),
            Options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory || IsLink(ref e),
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return !IsLink(ref e);
            },
        };
        foreach (var (path, isDirectory, isLink) in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new WalkEntry(path, Path.GetRelativePath(root, path), isDirectory, isLink ? LinkTarget(path) : null);
        }
    }

    // On Unix a symbolic link carries ReparsePoint, whatever it points to.
    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static string LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
