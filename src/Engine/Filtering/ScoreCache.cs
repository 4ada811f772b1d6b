using System.Buffers.Binary;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// Teacher scores per sample on disk: &lt;root&gt;/&lt;dataset content hash&gt;/&lt;teacher model hash&gt;.bin. Keyed by content, not
/// by names, so a re-imported store with the same bytes reuses its scores and a changed store or retrained teacher never
/// does. Files are replaced atomically (temp file, rename), so a reader sees the old scores or the new, never a torn file.
/// </summary>
public sealed class ScoreCache(string root)
{
    private const uint Magic = 0x43534843; // "CHSC" little-endian
    private const int Header = 8;
    private const int Entry = 8;
    private static readonly Lock Gate = new();

    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string datasetHash, string modelHash) =>
        Path.Combine(Root, SafeName(datasetHash), SafeName(modelHash) + ".bin");

    /// <summary>The cached scores by sample id; empty when nothing was scored yet.</summary>
    public IReadOnlyDictionary<int, float> Load(string datasetHash, string modelHash)
    {
        var path = PathOf(datasetHash, modelHash);
        return File.Exists(path) ? Read(path) : new Dictionary<int, float>();
    }

    /// <summary>Adds scores to the cached ones (new values win) and writes the file anew.</summary>
    public void Add(string datasetHash, string modelHash, IReadOnlyDictionary<int, float> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var path = PathOf(datasetHash, modelHash);
        // Read-merge-write under one lock per process (filters build their own caches) so concurrent filterings do not drop each other's scores.
        lock (Gate)
        {
            var merged = File.Exists(path) ? Read(path) : [];
            foreach (var (id, score) in scores)
            {
                merged[id] = score;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = new byte[Header + (merged.Count * Entry)];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), merged.Count);
            var offset = Header;
            foreach (var (id, score) in merged.OrderBy(kv => kv.Key))
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), id);
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset + 4), score);
                offset += Entry;
            }
            var temp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
    }

    private static Dictionary<int, float> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Header || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new InvalidDataException($"{path} is not a ClipHost score cache");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (count < 0 || bytes.Length != Header + ((long)count * Entry))
        {
            throw new InvalidDataException($"{path}: {bytes.Length} bytes do not hold the {count} scores its header claims");
        }
        var scores = new Dictionary<int, float>(count);
        for (var offset = Header; offset < bytes.Length; offset += Entry)
        {
            scores[BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset))] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 4));
        }
        return scores;
    }

    /// <summary>Hashes become folder and file names: refuse anything that could step out of the root.</summary>
    private static string SafeName(string hash) =>
        hash.Length is > 0 and <= 128 && hash.All(char.IsAsciiLetterOrDigit)
            ? hash
            : throw new ArgumentException($"'{hash}' is not a hash (ASCII letters and digits only)", nameof(hash));
}
