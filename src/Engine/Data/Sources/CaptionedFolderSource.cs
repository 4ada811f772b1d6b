using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// A folder of images, each with a same-named .txt caption beside it (a.jpg + a.txt). The first sub-folder under
/// the root, if any, becomes the "folder" label set.
/// </summary>
public sealed class CaptionedFolderSource(string folder) : IImportSource
{
    private List<string> _images = [];

    public string Id => "folder";

    public string DefaultName => new DirectoryInfo(folder).Name;

    public string? NamedAfter => folder;

    public ImageFit DefaultFit => ImageFit.Crop;

    public int? CountHint => _images.Count;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"folder {folder} does not exist");
        }
        _images = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(ImageFiles.IsImage)
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.CompletedTask;
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        foreach (var relative in _images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = Path.Combine(folder, relative);
            var captionFile = Path.ChangeExtension(image, ".txt");
            if (!File.Exists(captionFile))
            {
                yield return ImportCandidate.Failed(relative, $"no caption file {Path.GetFileName(captionFile)}");
                continue;
            }
            var parts = relative.Split(Path.DirectorySeparatorChar);
            var labels = parts.Length > 1 ? new Dictionary<string, string> { ["folder"] = parts[0] } : null;
            yield return new ImportCandidate(
                relative,
                new ImageInput.File(image),
                [File.ReadAllText(captionFile)],
                Labels: labels,
                Meta: new Dictionary<string, string> { ["path"] = relative });
        }
    }
}
