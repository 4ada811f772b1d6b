using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace ClipHost.Tests.Common;

/// <summary>
/// Hostile WebDataset shards made in the test: a .tar.gz of a few megabytes whose one member inflates to gigabytes
/// of zeros. The zeros are one gzip member of 64 MiB repeated (GZipStream reads concatenated members as one
/// stream, as gzip does), so a shard costs a fraction of a second to write whatever it claims.
/// </summary>
public static class Bombs
{
    public const long Block = 64L << 20;
    private static readonly Lazy<byte[]> GzippedBlock = new(() => Gzip(new byte[Block]));

    /// <summary>
    /// Writes <paramref name="before"/>, then a member <paramref name="bomb"/> whose header declares
    /// <paramref name="declaredBytes"/> of which <paramref name="blocks"/> x 64 MiB of zeros really follow,
    /// then <paramref name="after"/> (only readable when the header told the truth).
    /// </summary>
    public static void WriteShard(
        string path,
        IEnumerable<(string Name, byte[] Data)> before,
        string bomb,
        long declaredBytes,
        int blocks,
        IEnumerable<(string Name, byte[] Data)> after)
    {
        using var file = File.Create(path);
        Append(file, Gzip([.. Tar(before)[..^1024], .. Header(bomb, declaredBytes)]));
        for (var i = 0; i < blocks; i++)
        {
            Append(file, GzippedBlock.Value);
        }
        Append(file, Gzip(Tar(after)));
    }

    /// <summary>A ustar header for <paramref name="name"/> declaring <paramref name="size"/> bytes (up to 8 GiB), checksum included.</summary>
    public static byte[] Header(string name, long size)
    {
        var header = Tar([(name, [])])[..512];
        var field = Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0");
        field.CopyTo(header, 124);
        Array.Fill(header, (byte)' ', 148, 8);
        var sum = header.Sum(b => (long)b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }

    /// <summary>A whole tar (end marker included) of regular-file members.</summary>
    public static byte[] Tar(IEnumerable<(string Name, byte[] Data)> members)
    {
        using var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, data) in members)
            {
                tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }
        return output.ToArray();
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }

    private static void Append(Stream stream, byte[] bytes) => stream.Write(bytes);
}
