using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// WebDataset tar shards as img2dataset writes them: members key.jpg|png|webp, key.txt and an optional key.json,
/// adjacent in the tar. A path is one shard or a folder of shards (*.tar, *.tar.gz, *.tgz), read in name order
/// with System.Formats.Tar. A member set without an image or without a caption is skipped and named; a shard
/// that breaks off mid-way keeps the samples read before the break and is reported.
/// </summary>
public sealed class WebDatasetSource(string path) : IImportSource
{
    private List<string> _shards = [];

    public string Id => "webdataset";

    public string DefaultName => Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path)).Replace(".tar", string.Empty, StringComparison.Ordinal);

    public string? NamedAfter => path;

    public ImageFit DefaultFit => ImageFit.Crop;

    public int? CountHint => null;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            _shards = [path];
        }
        else if (Directory.Exists(path))
        {
            _shards = Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".tar", StringComparison.Ordinal) || f.EndsWith(".tar.gz", StringComparison.Ordinal) || f.EndsWith(".tgz", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (_shards.Count == 0)
            {
                throw new FileNotFoundException($"no .tar shards in {path}");
            }
        }
        else
        {
            throw new FileNotFoundException($"{path} is neither a tar shard nor a folder of shards", path);
        }
        return Task.CompletedTask;
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        foreach (var shard in _shards)
        {
            foreach (var candidate in ReadShard(shard, cancellationToken))
            {
                yield return candidate;
            }
        }
    }

    private static IEnumerable<ImportCandidate> ReadShard(string shard, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(shard);
        using var file = File.OpenRead(shard);
        using Stream stream = shard.EndsWith(".tar", StringComparison.Ordinal) ? file : new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(stream);
        string? key = null;
        var members = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (entry, error) = Next(tar);
            if (error is not null)
            {
                if (key is not null)
                {
                    yield return Assemble(name, key, members);
                }
                yield return ImportCandidate.Failed($"{name} (after {key ?? "start"})", $"tar shard is damaged: {error}");
                yield break;
            }
            if (entry is null)
            {
                break;
            }
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }
            var (memberKey, extension) = SplitKey(entry.Name);
            if (key is not null && memberKey != key)
            {
                yield return Assemble(name, key, members);
                members.Clear();
            }
            key = memberKey;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            members[extension] = buffer.ToArray();
        }
        if (key is not null)
        {
            yield return Assemble(name, key, members);
        }
    }

    private static (TarEntry? Entry, string? Error) Next(TarReader tar)
    {
        try
        {
            return (tar.GetNextEntry(copyData: false), null);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>WebDataset's rule: the key is the member path up to the first dot of its file name.</summary>
    private static (string Key, string Extension) SplitKey(string member)
    {
        var slash = member.LastIndexOf('/');
        var dot = member.IndexOf('.', slash + 1);
        return dot < 0 ? (member, string.Empty) : (member[..dot], member[(dot + 1)..].ToLowerInvariant());
    }

    private static ImportCandidate Assemble(string shard, string key, Dictionary<string, byte[]> members)
    {
        var id = $"{shard}:{key}";
        var image = members.FirstOrDefault(m => ImageFiles.IsImage("x." + m.Key)).Value;
        var meta = new Dictionary<string, string> { ["shard"] = shard, ["key"] = key };
        string? jsonCaption = null;
        if (members.TryGetValue("json", out var json))
        {
            jsonCaption = ReadJson(json, meta);
        }
        var caption = members.TryGetValue("txt", out var txt) ? Encoding.UTF8.GetString(txt) : jsonCaption;
        if (image is null)
        {
            return ImportCandidate.Failed(id, caption is null ? "no image and no caption" : "caption but no image (expected key.jpg, .png or .webp)");
        }
        if (caption is null)
        {
            return ImportCandidate.Failed(id, "image but no caption (expected key.txt)");
        }
        return new ImportCandidate(id, new ImageInput.Encoded(image), [caption], Meta: meta);
    }

    /// <summary>Copies the JSON's top-level scalars into metadata; returns its "caption" field if it has one.</summary>
    private static string? ReadJson(byte[] json, Dictionary<string, string> meta)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            string? caption = null;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                    meta.TryAdd(property.Name, value);
                    if (property.Name == "caption")
                    {
                        caption = value;
                    }
                }
            }
            return caption;
        }
        catch (JsonException)
        {
            meta["jsonError"] = "key.json is not valid JSON";
            return null;
        }
    }
}
