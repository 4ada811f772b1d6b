namespace ClipHost.Engine.IO;

/// <summary>What <see cref="FileWalk"/> met: a regular file, or a symbolic link it did not follow.</summary>
/// <param name="FullPath">The entry's path under the walk's root.</param>
/// <param name="RelativePath">The path relative to the root, as reports name it.</param>
/// <param name="IsDirectory">For a link: whether it points to a directory.</param>
/// <param name="LinkTarget">The link's own text (where it points), or null for a regular file.</param>
public sealed record WalkEntry(string FullPath, string RelativePath, bool IsDirectory, string? LinkTarget)
{
    public bool IsLink => LinkTarget is not null;
}
