using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Image features per sample on disk, under the data root's scores/ beside the filters' teacher scores:
/// &lt;root&gt;/&lt;store content hash&gt;/&lt;model hash&gt;.f32. Keyed by content, like the score cache: a re-imported store
/// with the same bytes reuses its features, a changed store or another checkpoint never does. Files are replaced
/// atomically (temp file, rename), so a reader sees the old features or the new, never a torn file.
/// </summary>
public sealed class FeatureCache(string root)
{
    private const uint Magic = 0x43464843; // "CHFC" little-endian
    private const int Header = 12;
    private static readonly Lock Gate = new();

    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string storeHash, string modelHash) =>
        Path.Combine(Root, SafeName(storeHash), SafeName(modelHash) + ".f32");

    /// <summary>The cached features by sample id; empty when nothing was encoded yet.</summary>
    public Dictionary<int, float[]> Load(string storeHash, string modelHash)
    {
        var path = PathOf(storeHash, modelHash);
        return File.Exists(path) ? Read(path) : [];
    }

    /// <summary>Adds features to the cached ones (new values win) and writes the file anew.</summary>
    public void Add(string storeHash, string modelHash, IReadOnlyDictionary<int, float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var path = PathOf(storeHash, modelHash);
        // Read-merge-write under one lock per process so two evaluations do not drop each other's features.
        lock (Gate)
        {
            var merged = File.Exists(path) ? Read(path) : [];
            foreach (var (id, row) in features)
            {
                merged[id] = row;
            }
            var dim = merged.Values.First().Length;
            var entry = 4 + (dim * 4);
            var bytes = new byte[Header + (merged.Count * entry)];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), dim);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), merged.Count);
            var offset = Header;
            foreach (var (id, row) in merged.OrderBy(kv => kv.Key))
            {
                if (row.Length != dim)
                {
                    throw new InvalidOperationException($"sample {id} has {row.Length} features, the others {dim}");
                }
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), id);
                MemoryMarshal.AsBytes(row.AsSpan()).CopyTo(bytes.AsSpan(offset + 4));
                offset += entry;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
    }

    private static Dictionary<int, float[]> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Header || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new InvalidDataException($"{path} is not a ClipHost feature cache; delete it to encode again");
        }
        var dim = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var entry = 4 + ((long)dim * 4);
        if (dim < 1 || count < 0 || bytes.Length != Header + (count * entry))
        {
            throw new InvalidDataException($"{path}: {bytes.Length} bytes do not hold the {count} x {dim} features its header claims; delete it to encode again");
        }
        var features = new Dictionary<int, float[]>(count);
        for (var offset = Header; offset < bytes.Length; offset += (int)entry)
        {
            var row = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(offset + 4, dim * 4)).ToArray();
            features[BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset))] = row;
        }
        return features;
    }

    /// <summary>Hashes become folder and file names: refuse anything that could step out of the root.</summary>
    private static string SafeName(string hash) =>
        hash.Length is > 0 and <= 128 && hash.All(char.IsAsciiLetterOrDigit)
            ? hash
            : throw new ArgumentException($"'{hash}' is not a hash (ASCII letters and digits only)", nameof(hash));
}
