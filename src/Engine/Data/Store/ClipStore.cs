using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Engine.Data.Store;

/// <summary>
/// An imported dataset, opened for reading: the pixel file is memory-mapped, so training and filters read
/// images without decoding them again.
/// </summary>
public sealed class ClipStore : IDatasetView, IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly StoredSample[] _samples;
    private readonly int _bytesPerImage;
    private readonly Dictionary<string, Dictionary<string, int>> _labelIndex;

    private ClipStore(string path, StoreManifest manifest, StoredSample[] samples)
    {
        Path = path;
        Manifest = manifest;
        _samples = samples;
        _bytesPerImage = manifest.Resolution * manifest.Resolution * 3;
        _labelIndex = manifest.LabelSets.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal));
        var pixels = System.IO.Path.Combine(path, StoreFiles.Pixels);
        if (manifest.Count > 0)
        {
            _map = MemoryMappedFile.CreateFromFile(pixels, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            _view = _map.CreateViewAccessor(0, (long)manifest.Count * _bytesPerImage, MemoryMappedFileAccess.Read);
        }
    }

    public string Path { get; }

    public StoreManifest Manifest { get; }

    public string Name => Manifest.Name;

    public string ContentHash => Manifest.ContentHash;

    public int Count => Manifest.Count;

    public int Resolution => Manifest.Resolution;

    public IReadOnlyList<StoredSample> Samples => _samples;

    /// <summary>Opens a complete store; refuses a partial, foreign or inconsistent directory with a message naming the file.</summary>
    public static ClipStore Open(string path)
    {
        var manifestPath = System.IO.Path.Combine(path, StoreFiles.Manifest);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"{path} is not a complete ClipHost store: {StoreFiles.Manifest} is missing (an import that did not finish?)");
        }
        var manifest = JsonSerializer.Deserialize<StoreManifest>(File.ReadAllText(manifestPath), StoreFiles.Json)
            ?? throw new InvalidDataException($"{manifestPath} is empty");
        if (manifest.Format != StoreManifest.CurrentFormat)
        {
            throw new InvalidDataException($"{manifestPath}: format '{manifest.Format}' is not '{StoreManifest.CurrentFormat}'");
        }
        var expected = (long)manifest.Count * manifest.Resolution * manifest.Resolution * 3;
        var pixels = System.IO.Path.Combine(path, StoreFiles.Pixels);
        var actual = File.Exists(pixels) ? new FileInfo(pixels).Length : -1;
        if (actual != expected)
        {
            throw new InvalidDataException($"{pixels}: expected {expected} bytes for {manifest.Count} images, found {actual}");
        }
        var samples = StoreReadScope.Samples(System.IO.Path.Combine(path, StoreFiles.Samples), () => ReadSamples(path, manifest));
        return new ClipStore(path, manifest, samples);
    }

    private static StoredSample[] ReadSamples(string path, StoreManifest manifest)
    {
        var samples = new StoredSample[manifest.Count];
        var n = 0;
        foreach (var line in File.ReadLines(System.IO.Path.Combine(path, StoreFiles.Samples)))
        {
            if (n >= samples.Length)
            {
                throw new InvalidDataException($"{path}/{StoreFiles.Samples}: more lines than the {manifest.Count} samples in the manifest");
            }
            samples[n++] = JsonSerializer.Deserialize<StoredSample>(line, StoreFiles.Json)
                ?? throw new InvalidDataException($"{path}/{StoreFiles.Samples}: line {n} is empty");
        }
        if (n != samples.Length)
        {
            throw new InvalidDataException($"{path}/{StoreFiles.Samples}: {n} lines, manifest says {manifest.Count}");
        }
        return samples;
    }

    /// <summary>Copies one image's RGB bytes into <paramref name="destination"/>.</summary>
    public void ReadPixels(int id, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Count);
        unsafe
        {
            byte* start = null;
            _view!.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            try
            {
                new ReadOnlySpan<byte>(start + _view.PointerOffset + (long)id * _bytesPerImage, _bytesPerImage).CopyTo(destination);
            }
            finally
            {
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }
    }

    public ReadOnlyMemory<byte> GetPixels(int id)
    {
        var buffer = new byte[_bytesPerImage];
        ReadPixels(id, buffer);
        return buffer;
    }

    public SampleRecord GetSample(int id)
    {
        var s = _samples[id];
        var labels = new Dictionary<string, int>(s.Labels.Count);
        foreach (var (set, name) in s.Labels)
        {
            labels[set] = LabelIndex(set, name);
        }
        return new SampleRecord(s.Id, s.Key, s.Captions, s.Split, s.Width, s.Height, labels, s.Meta);
    }

    public int LabelIndex(string set, string name)
    {
        return _labelIndex.TryGetValue(set, out var names) && names.TryGetValue(name, out var index)
            ? index
            : throw new InvalidDataException($"{Path}: label '{name}' is not in label set '{set}'");
    }

    /// <summary>Recomputes the content hash from the files and compares it with the manifest.</summary>
    public bool VerifyContentHash()
    {
        using var pixels = File.OpenRead(System.IO.Path.Combine(Path, StoreFiles.Pixels));
        using var samples = File.OpenRead(System.IO.Path.Combine(Path, StoreFiles.Samples));
        byte[] combined = [.. SHA256.HashData(pixels), .. SHA256.HashData(samples)];
        return Convert.ToHexStringLower(SHA256.HashData(combined)) == Manifest.ContentHash;
    }

    public void Dispose()
    {
        _view?.Dispose();
        _map?.Dispose();
    }
}
