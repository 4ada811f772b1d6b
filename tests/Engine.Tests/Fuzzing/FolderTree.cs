using System.Text.Json;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>A generated folder tree, serialised as the case's bytes: files with their contents, and symbolic links.</summary>
public sealed record FolderTree(IReadOnlyList<FolderTree.Entry> Entries)
{
    /// <summary>A file (Data, or Size zero bytes written sparsely) or a symbolic link (Target), by its path under the tree.</summary>
    public sealed record Entry(string Path, byte[]? Data = null, string? Target = null, long? Size = null);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static FolderTree FromBytes(byte[] bytes) => JsonSerializer.Deserialize<FolderTree>(bytes)!;

    /// <summary>Lays the tree out under <paramref name="root"/>; an entry the file system refuses (a name clash) is left out.</summary>
    public void Write(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        foreach (var entry in Entries)
        {
            var path = System.IO.Path.Combine(root, entry.Path);
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                if (entry.Target is { } target)
                {
                    File.CreateSymbolicLink(path, target);
                }
                else if (entry.Size is { } size)
                {
                    using var file = File.Create(path);
                    file.SetLength(size);
                }
                else
                {
                    File.WriteAllBytes(path, entry.Data ?? []);
                }
            }
            catch (IOException)
            {
                // Two entries under one name: the first stays.
            }
        }
    }
}
