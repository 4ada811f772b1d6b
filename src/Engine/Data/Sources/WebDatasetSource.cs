using System.Formats.Tar;
using System.IO.Compression;
using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// WebDataset tar shards as img2dataset writes them: members key.jpg|png|webp, key.txt and an optional key.json,
/// adjacent in the tar. A path is one shard or a folder of shards (*.tar, *.tar.gz, *.tgz), read in name order
/// with System.Formats.Tar. A member set without an image or without a caption is skipped and named; a shard
/// that breaks off mid-way keeps the samples read before the break and is reported.
/// Hostile shards are read in bounded memory and time: members are streamed, a member over
/// <see cref="ImportOptions.MaxFileBytes"/> is skipped by its declared size and passed over unread (the reader
/// never holds more than the declared size, so neither a lying header nor a gzip bomb can exceed it), and a shard
/// is cut off after <see cref="ImportOptions.MaxShardMembers"/> members or <see cref="ImportOptions.MaxShardBytes"/>
/// inflated bytes, keeping what came before. The token is checked while passing over a member too.
/// </summary>
public sealed class WebDatasetSource(string path) : IImportSource
{
    /// <summary>Captions and JSON sidecars beyond this are not metadata; they are skipped rather than held.</summary>
    public const int MaxTextMemberBytes = 1 << 20;

    private const int SkipBufferBytes = 1 << 16;

    private List<string> _shards = [];
    private ImportOptions _limits = new() { StoresRoot = "." };

    public string Id => "webdataset";

    public string DefaultName => Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path)).Replace(".tar", string.Empty, StringComparison.Ordinal);

    public string? NamedAfter => path;

    public ImageFit DefaultFit => ImageFit.Crop;

    public int? CountHint => null;

    public void UseLimits(ImportOptions options) => _limits = options;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            _shards = [path];
        }
        else if (Directory.Exists(path))
        {
            // One level only, so no walk to loop; two names for one shard (a link) would import it twice.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            _shards = [];
            foreach (var shard in Directory.EnumerateFiles(path).Where(IsShard).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (seen.Add(RealPath(shard)))
                {
                    _shards.Add(shard);
                }
            }
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

    private static bool IsShard(string file) =>
        file.EndsWith(".tar", StringComparison.Ordinal) || file.EndsWith(".tar.gz", StringComparison.Ordinal) || file.EndsWith(".tgz", StringComparison.Ordinal);

    private static string RealPath(string file) =>
        Path.GetFullPath(File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file);

    private IEnumerable<ImportCandidate> ReadShard(string shard, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(shard);
        using var file = File.OpenRead(shard);
        using Stream stream = shard.EndsWith(".tar", StringComparison.Ordinal) ? file : new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(stream);
        var sample = new WebDatasetSample();
        var (count, inflated) = (0, 0L);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (entry, error) = Next(tar);
            if (entry is not null && ++count > _limits.MaxShardMembers)
            {
                error = $"more than {_limits.MaxShardMembers} members (import.maxShardMembers); the rest of the shard was not read";
            }
            else if (entry is not null && inflated + entry.Length > _limits.MaxShardBytes)
            {
                error = $"inflates to more than {inflated + entry.Length} bytes, over the {_limits.MaxShardBytes}-byte limit (import.maxShardBytes); the rest of the shard was not read";
            }
            if (error is not null)
            {
                if (sample.Key is not null)
                {
                    yield return sample.ToCandidate(name);
                }
                var where = entry is null ? $"{name} (after {sample.Key ?? "start"})" : name;
                yield return ImportCandidate.Failed(where, entry is null ? $"tar shard is damaged: {error}" : error);
                yield break;
            }
            if (entry is null)
            {
                break;
            }
            inflated += entry.Length;
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }
            var (memberKey, extension) = WebDatasetSample.SplitKey(entry.Name);
            if (sample.Key is not null && memberKey != sample.Key)
            {
                yield return sample.ToCandidate(name);
                sample = new WebDatasetSample();
            }
            sample.Key = memberKey;
            var readError = ReadMember(entry, extension, sample, cancellationToken);
            if (readError is not null)
            {
                yield return sample.ToCandidate(name);
                yield return ImportCandidate.Failed($"{name} (in {entry.Name})", $"tar shard is damaged: {readError}");
                yield break;
            }
        }
        if (sample.Key is not null)
        {
            yield return sample.ToCandidate(name);
        }
    }

    private static (TarEntry? Entry, string? Error) Next(TarReader tar)
    {
        try
        {
            return (tar.GetNextEntry(copyData: false), null);
        }
        // A header number too large for its type (a base-256 size or time) throws OverflowException from the reader.
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException or OverflowException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>
    /// Keeps the member if the sample needs it and it is within its limit, else reads past it in small pieces
    /// (so a cancellation is seen inside a huge member). Returns why the shard broke off, if it did.
    /// </summary>
    private string? ReadMember(TarEntry entry, string extension, WebDatasetSample sample, CancellationToken cancellationToken)
    {
        var data = entry.DataStream!;
        var isImage = ImageFiles.IsImage("x." + extension);
        var isText = extension is "txt" or "json";
        var limit = isText ? MaxTextMemberBytes : _limits.MaxFileBytes;
        try
        {
            if ((isImage && sample.Image is not null) || (!isImage && !isText))
            {
                Skip(data, cancellationToken);
                return null;
            }
            if (entry.Length > limit)
            {
                sample.Oversized ??= $"member {Path.GetFileName(entry.Name)} is {entry.Length} bytes, over the {limit}-byte limit{(isText ? string.Empty : " (import.maxFileBytes)")}; skipped unread";
                Skip(data, cancellationToken);
                return null;
            }
            // The declared length bounds the buffer and the stream alike: nothing beyond it is ever read.
            var bytes = new byte[entry.Length];
            data.ReadExactly(bytes);
            if (isImage)
            {
                sample.Image = bytes;
            }
            else
            {
                sample.Text[extension] = bytes;
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return e.Message;
        }
    }

    private static void Skip(Stream data, CancellationToken cancellationToken)
    {
        var buffer = new byte[SkipBufferBytes];
        while (data.Read(buffer) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
