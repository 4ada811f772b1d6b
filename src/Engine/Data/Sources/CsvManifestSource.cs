using ClipHost.Engine.Data.Import;
using Microsoft.VisualBasic.FileIO;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// A CSV or TSV manifest with image-path and caption columns (OpenCLIP's --csv-img-key / --csv-caption-key),
/// parsed with the BCL's TextFieldParser. Relative paths resolve against the manifest's folder; other columns
/// become metadata, and an optional label column becomes the "label" label set.
/// </summary>
public sealed class CsvManifestSource(string manifest, string imageColumn, string captionColumn, string? labelColumn, char? delimiter) : IImportSource
{
    public string Id => "csv";

    public string DefaultName => Path.GetFileNameWithoutExtension(manifest);

    public string? NamedAfter => manifest;

    public ImageFit DefaultFit => ImageFit.Crop;

    public int? CountHint { get; private set; }

    private char Delimiter => delimiter ?? (Path.GetExtension(manifest).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException($"manifest {manifest} does not exist", manifest);
        }
        using var parser = Open();
        var header = parser.ReadFields() ?? throw new InvalidDataException($"{manifest} is empty: expected a header row");
        foreach (var column in new[] { imageColumn, captionColumn, labelColumn }.OfType<string>())
        {
            if (!header.Contains(column))
            {
                throw new InvalidDataException($"{manifest}: no column '{column}' in the header ({string.Join(", ", header)})");
            }
        }
        var rows = 0;
        while (!parser.EndOfData)
        {
            parser.ReadLine();
            rows++;
        }
        CountHint = rows;
        return Task.CompletedTask;
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        using var parser = Open();
        var header = parser.ReadFields()!;
        var (img, cap, lab) = (Array.IndexOf(header, imageColumn), Array.IndexOf(header, captionColumn), labelColumn is null ? -1 : Array.IndexOf(header, labelColumn));
        while (!parser.EndOfData)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = parser.LineNumber;
            string[]? fields;
            try
            {
                fields = parser.ReadFields();
            }
            catch (MalformedLineException e)
            {
                fields = null;
                line = e.LineNumber;
            }
            var key = $"{Path.GetFileName(manifest)}:{line}";
            if (fields is null || fields.Length != header.Length)
            {
                yield return ImportCandidate.Failed(key, $"malformed row: expected {header.Length} fields");
                continue;
            }
            var path = fields[img].Trim();
            if (path.Length == 0)
            {
                yield return ImportCandidate.Failed(key, $"empty '{imageColumn}'");
                continue;
            }
            var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));
            if (!File.Exists(full))
            {
                yield return ImportCandidate.Failed($"{key} ({path})", $"file does not exist: {full}");
                continue;
            }
            var meta = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++)
            {
                if (i != img && i != cap && i != lab)
                {
                    meta[header[i]] = fields[i];
                }
            }
            meta["path"] = path;
            var labels = lab >= 0 && fields[lab].Trim().Length > 0 ? new Dictionary<string, string> { ["label"] = fields[lab].Trim() } : null;
            yield return new ImportCandidate(key, new ImageInput.File(full), [fields[cap]], Group: full, Labels: labels, Meta: meta);
        }
    }

    private TextFieldParser Open() => new(manifest)
    {
        TextFieldType = FieldType.Delimited,
        Delimiters = [Delimiter.ToString()],
        HasFieldsEnclosedInQuotes = true,
        TrimWhiteSpace = false,
    };
}
