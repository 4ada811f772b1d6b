using System.Text;
using ClipHost.Engine.Data.Import;
using Microsoft.VisualBasic.FileIO;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// A CSV or TSV manifest with image-path and caption columns (OpenCLIP's --csv-img-key / --csv-caption-key),
/// parsed with the BCL's TextFieldParser. Relative paths resolve against the manifest's folder; other columns
/// become metadata, and an optional label column becomes the "label" label set. The manifest must be UTF-8 (or
/// carry a UTF-16 byte-order mark): anything else is refused before any work, naming the line and byte. A quote
/// that never closes is reported on the line where it opened, that row skipped, and reading resumes on the next
/// line, so one stray quote cannot swallow the rest of the file.
/// </summary>
public sealed class CsvManifestSource(string manifest, string imageColumn, string captionColumn, string? labelColumn, char? delimiter) : IImportSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        Utf8Check.Require(manifest, cancellationToken);
        using var parser = Open(skipLines: 0);
        var header = ReadHeader(parser);
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
            cancellationToken.ThrowIfCancellationRequested();
            parser.ReadLine();
            rows++;
        }
        CountHint = rows;
        return Task.CompletedTask;
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        var file = Path.GetFileName(manifest);
        var parser = Open(skipLines: 0);
        try
        {
            var header = ReadHeader(parser);
            var (img, cap, lab) = (Array.IndexOf(header, imageColumn), Array.IndexOf(header, captionColumn), labelColumn is null ? -1 : Array.IndexOf(header, labelColumn));
            while (!parser.EndOfData)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var line = parser.LineNumber;
                string[]? fields;
                string? failure = null;
                try
                {
                    fields = parser.ReadFields();
                }
                catch (MalformedLineException e)
                {
                    fields = null;
                    line = e.LineNumber;
                    // A quote that never closes makes the parser read to the end of the file; start again after its line.
                    if (parser.EndOfData)
                    {
                        var resumed = Open(skipLines: line);
                        if (resumed.EndOfData)
                        {
                            resumed.Dispose();
                        }
                        else
                        {
                            parser.Dispose();
                            parser = resumed;
                            failure = $"unterminated quote: the quoted field opened on line {line} never closes; the row is skipped and reading resumes on line {line + 1}";
                        }
                    }
                }
                var key = $"{file}:{line}";
                if (fields is null || fields.Length != header.Length)
                {
                    yield return ImportCandidate.Failed(key, failure ?? $"malformed row: expected {header.Length} fields{(fields is null ? string.Empty : $", found {fields.Length}")}");
                    continue;
                }
                yield return Row(key, header, fields, (img, cap, lab), folder);
            }
        }
        finally
        {
            parser.Dispose();
        }
    }

    /// <summary>One well-formed row as a candidate, or skipped with the reason (no path, a NUL in it, no such file).</summary>
    private ImportCandidate Row(string key, string[] header, string[] fields, (int Image, int Caption, int Label) columns, string folder)
    {
        var path = fields[columns.Image].Trim();
        if (path.Length == 0)
        {
            return ImportCandidate.Failed(key, $"empty '{imageColumn}'");
        }
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            // No file name holds a NUL, and the path APIs throw on one: skip the row, naming it.
            return ImportCandidate.Failed(key, $"'{imageColumn}' contains a NUL character");
        }
        var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));
        if (!File.Exists(full))
        {
            return ImportCandidate.Failed($"{key} ({path})", $"file does not exist: {full}");
        }
        var meta = new Dictionary<string, string>();
        for (var i = 0; i < header.Length; i++)
        {
            if (i != columns.Image && i != columns.Caption && i != columns.Label)
            {
                meta[header[i]] = fields[i];
            }
        }
        meta["path"] = path;
        var label = columns.Label >= 0 ? fields[columns.Label].Trim() : string.Empty;
        var labels = label.Length > 0 ? new Dictionary<string, string> { ["label"] = label } : null;
        return new ImportCandidate(key, new ImageInput.File(full), [fields[columns.Caption]], Group: full, Labels: labels, Meta: meta);
    }

    /// <summary>The header row; one the parser cannot split (a stray quote) refuses the manifest, naming it, rather than escaping as the parser's own exception.</summary>
    private string[] ReadHeader(TextFieldParser parser)
    {
        try
        {
            return parser.ReadFields() ?? throw new InvalidDataException($"{manifest} is empty: expected a header row");
        }
        catch (MalformedLineException e)
        {
            throw new InvalidDataException($"{manifest}: the header row (line {e.LineNumber}) cannot be parsed: {e.Message}", e);
        }
    }

    /// <summary>A parser over the manifest, strict about UTF-8, positioned after its first <paramref name="skipLines"/> physical lines.</summary>
    private TextFieldParser Open(long skipLines)
    {
        var parser = new TextFieldParser(new StreamReader(manifest, StrictUtf8, detectEncodingFromByteOrderMarks: true))
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [Delimiter.ToString()],
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        for (var i = 0; i < skipLines && parser.ReadLine() is not null; i++)
        {
        }
        return parser;
    }
}
