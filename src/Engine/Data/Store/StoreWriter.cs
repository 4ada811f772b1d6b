using System.Security.Cryptography;
using System.Text;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Data.Store;

/// <summary>
/// Writes a store into a hidden partial directory and renames it into place only on <see cref="Complete"/>, so an
/// interrupted import never leaves a store that looks complete: the manifest is written last, inside the
/// partial directory, and the rename is atomic. Disposing without completing deletes the partial directory.
/// The store, its partial and the old store it replaces are all directly under the stores root: the name is an
/// <see cref="Identifier"/>, never a path.
/// </summary>
public sealed class StoreWriter : IDisposable
{
    private readonly string _finalPath;
    private readonly string _partialPath;
    private readonly int _resolution;
    private readonly FileStream _pixels;
    private readonly StreamWriter _samples;
    private readonly IncrementalHash _pixelHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _sampleHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<string, SortedSet<string>> _labelSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _splits = Splits.All.ToDictionary(s => s, _ => 0);
    private bool _completed;

    public StoreWriter(string storesRoot, string name, int resolution)
    {
        _finalPath = RootedPath.Child(storesRoot, name, "name");
        _resolution = resolution;
        var parent = Path.GetDirectoryName(_finalPath)!;
        Directory.CreateDirectory(parent);
        _partialPath = Path.Combine(parent, $"{StoreFiles.PartialPrefix}{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_partialPath);
        _pixels = new FileStream(Path.Combine(_partialPath, StoreFiles.Pixels), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        _samples = new StreamWriter(Path.Combine(_partialPath, StoreFiles.Samples), append: false, new UTF8Encoding(false));
    }

    public int Count { get; private set; }

    public string PartialPath => _partialPath;

    /// <summary>Appends one sample; <paramref name="rgb"/> holds Resolution x Resolution x 3 bytes.</summary>
    public void Add(ReadOnlySpan<byte> rgb, StoredSample sample)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (rgb.Length != _resolution * _resolution * 3)
        {
            throw new ArgumentException($"sample {sample.Key}: expected {_resolution * _resolution * 3} bytes, got {rgb.Length}", nameof(rgb));
        }
        _pixels.Write(rgb);
        _pixelHash.AppendData(rgb);
        var line = JsonSerializer.Serialize(sample with { Id = Count }, StoreFiles.Json) + "\n";
        _samples.Write(line);
        _sampleHash.AppendData(Encoding.UTF8.GetBytes(line));
        foreach (var (set, name) in sample.Labels)
        {
            if (!_labelSets.TryGetValue(set, out var names))
            {
                _labelSets[set] = names = new SortedSet<string>(StringComparer.Ordinal);
            }
            names.Add(name);
        }
        _splits[sample.Split] = _splits.GetValueOrDefault(sample.Split) + 1;
        Count++;
    }

    /// <summary>Writes the report and manifest, then moves the store into place (replacing an old one when asked).</summary>
    public StoreManifest Complete(
        string name, string source, object report, int skipped, long seed, double val, double test, bool replace, IReadOnlyDictionary<string, string>? licences = null)
    {
        _pixels.Flush(flushToDisk: true);
        _pixels.Dispose();
        _samples.Flush();
        _samples.Dispose();
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. _pixelHash.GetHashAndReset(), .. _sampleHash.GetHashAndReset()]));
        var manifest = new StoreManifest(
            Format: StoreManifest.CurrentFormat,
            Name: name,
            Source: source,
            Resolution: _resolution,
            Count: Count,
            Splits: _splits,
            LabelSets: _labelSets.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value]),
            ContentHash: hash,
            CreatedUtc: DateTimeOffset.UtcNow,
            Skipped: skipped,
            Seed: seed,
            ValFraction: val,
            TestFraction: test)
        {
            Licences = licences is { Count: > 0 } ? new SortedDictionary<string, string>(licences.ToDictionary(), StringComparer.Ordinal) : null,
        };
        File.WriteAllText(Path.Combine(_partialPath, StoreFiles.Report), JsonSerializer.Serialize(report, StoreFiles.IndentedJson));
        File.WriteAllText(Path.Combine(_partialPath, StoreFiles.Manifest), JsonSerializer.Serialize(manifest, StoreFiles.IndentedJson));

        string? old = null;
        if (Directory.Exists(_finalPath))
        {
            if (!replace)
            {
                throw new IOException($"{_finalPath} already exists; pass --replace to overwrite it");
            }
            old = Path.Combine(Path.GetDirectoryName(_finalPath)!, $".old-{Path.GetFileName(_finalPath)}-{Guid.NewGuid():N}");
            Directory.Move(_finalPath, old);
        }
        Directory.Move(_partialPath, _finalPath);
        _completed = true;
        if (old != null)
        {
            Directory.Delete(old, recursive: true);
        }
        return manifest;
    }

    public void Dispose()
    {
        _pixels.Dispose();
        _samples.Dispose();
        _pixelHash.Dispose();
        _sampleHash.Dispose();
        if (!_completed && Directory.Exists(_partialPath))
        {
            Directory.Delete(_partialPath, recursive: true);
        }
    }
}
