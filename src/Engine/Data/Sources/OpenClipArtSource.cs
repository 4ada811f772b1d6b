using ClipHost.Engine.Data.Import;
using ClipHost.Engine.IO;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// The Open Clip Art Library (Debian openclipart-png and openclipart-svg): PNGs captioned with their SVG twin's
/// Dublin Core title, description and keywords, labelled by top-level category folder. The captions are
/// web-like noisy on purpose: this is the data quality filtering must clean.
/// </summary>
public sealed class OpenClipArtSource(IDataPackages installer, string root = OpenClipArtSource.DefaultRoot) : IImportSource
{
    public const string DefaultRoot = "/usr/share/openclipart";
    private List<string> _files = [];

    public string Id => "openclipart";

    public string DefaultName => "openclipart";

    public ImageFit DefaultFit => ImageFit.Pad;

    public int? CountHint => _files.Count;

    private string PngRoot => Path.Combine(root, "png");

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (root == DefaultRoot)
        {
            await installer.EnsureAptAsync(["openclipart-png"], PngRoot, cancellationToken).ConfigureAwait(false);
            await installer.EnsureAptAsync(["openclipart-svg"], Path.Combine(root, "svg"), cancellationToken).ConfigureAwait(false);
        }
        // The package links some drawings to others (file links, kept as before); a directory link is never entered.
        _files = FileWalk.Enumerate(PngRoot, cancellationToken)
            .Where(e => !e.IsDirectory && e.FullPath.EndsWith(".png", StringComparison.Ordinal))
            .Select(e => e.RelativePath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        foreach (var relative in _files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var svg = Path.Combine(root, "svg", Path.ChangeExtension(relative, ".svg"));
            var meta = SvgMetadata.Read(svg);
            var category = relative.Split(Path.DirectorySeparatorChar)[0];
            var keywords = meta.Keywords.Count > 0 ? string.Join(", ", meta.Keywords) : null;
            yield return new ImportCandidate(
                Key: relative,
                Image: new ImageInput.File(Path.Combine(PngRoot, relative)),
                Captions: [meta.Title, meta.Description, keywords],
                Group: Path.ChangeExtension(relative, null),
                Labels: new Dictionary<string, string> { ["category"] = category },
                Meta: new Dictionary<string, string> { ["path"] = relative, ["keywords"] = keywords ?? string.Empty });
        }
    }
}
