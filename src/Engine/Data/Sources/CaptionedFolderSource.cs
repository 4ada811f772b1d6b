using ClipHost.Engine.Data.Import;
using ClipHost.Engine.IO;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// A folder of images, each with a same-named .txt caption beside it (a.jpg + a.txt). The first sub-folder under
/// the root, if any, becomes the "folder" label set. Symbolic links are never followed, to directories or to files:
/// a link to an ancestor would loop, one to a file inside would import that file twice (a split leak), one to
/// anything outside would read past the folder. Each link is skipped and named once in the report with its target.
/// </summary>
public sealed class CaptionedFolderSource(string folder) : IImportSource
{
    /// <summary>A caption file larger than this is not a caption; reading it whole would only cost memory.</summary>
    public const int MaxCaptionFileBytes = 1 << 20;

    private List<string> _images = [];
    private List<WalkEntry> _links = [];

    public string Id => "folder";

    public string DefaultName => new DirectoryInfo(folder).Name;

    public string? NamedAfter => folder;

    public ImageFit DefaultFit => ImageFit.Crop;

    public int? CountHint => _images.Count + _links.Count;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"folder {folder} does not exist");
        }
        var images = new List<string>();
        var links = new List<WalkEntry>();
        foreach (var entry in FileWalk.Enumerate(folder, cancellationToken))
        {
            if (entry.IsLink && (entry.IsDirectory || ImageFiles.IsImage(entry.FullPath)))
            {
                links.Add(entry);
            }
            else if (!entry.IsLink && ImageFiles.IsImage(entry.FullPath))
            {
                images.Add(entry.RelativePath);
            }
        }
        _images = [.. images.Order(StringComparer.Ordinal)];
        _links = [.. links.OrderBy(l => l.RelativePath, StringComparer.Ordinal)];
        return Task.CompletedTask;
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        foreach (var link in _links)
        {
            var what = link.IsDirectory ? "symbolic link to a directory" : "symbolic link";
            yield return ImportCandidate.Failed(link.RelativePath, $"{what}, not followed (-> {link.LinkTarget})");
        }
        foreach (var relative in _images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = Path.Combine(folder, relative);
            var captionFile = Path.ChangeExtension(image, ".txt");
            var (caption, failure) = ReadCaption(captionFile);
            if (failure is not null)
            {
                yield return ImportCandidate.Failed(relative, failure);
                continue;
            }
            var parts = relative.Split(Path.DirectorySeparatorChar);
            var labels = parts.Length > 1 ? new Dictionary<string, string> { ["folder"] = parts[0] } : null;
            yield return new ImportCandidate(
                relative,
                new ImageInput.File(image),
                [caption],
                Labels: labels,
                Meta: new Dictionary<string, string> { ["path"] = relative });
        }
    }

    private static (string? Caption, string? Failure) ReadCaption(string path)
    {
        var info = new FileInfo(path);
        var name = info.Name;
        if (info.LinkTarget is { } target)
        {
            return (null, $"caption file {name} is a symbolic link, not followed (-> {target})");
        }
        if (!info.Exists)
        {
            return (null, $"no caption file {name}");
        }
        if (info.Length > MaxCaptionFileBytes)
        {
            return (null, $"caption file {name} is {info.Length} bytes, over the {MaxCaptionFileBytes}-byte limit");
        }
        return (File.ReadAllText(path), null);
    }
}
