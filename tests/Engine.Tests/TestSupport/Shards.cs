using System.Formats.Tar;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Writes WebDataset shards with System.Formats.Tar, as img2dataset lays them out.</summary>
public static class Shards
{
    public static void Write(string path, IEnumerable<(string Name, byte[] Data)> members)
    {
        using var file = File.Create(path);
        using var tar = new TarWriter(file, TarEntryFormat.Pax);
        foreach (var (name, data) in members)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) };
            tar.WriteEntry(entry);
        }
    }
}
