using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Interop;

/// <summary>
/// What `embed` reads, bounded: the image files of one folder (not its subfolders) in name order, or the non-empty lines
/// of a text file. A file that does not decode is skipped with its reason, never fatal.
/// </summary>
public static class EmbeddingInputs
{
    /// <summary>At most this many images or texts in one request.</summary>
    public const int MaxItems = 100_000;

    /// <summary>A text file of captions is read only up to this size.</summary>
    public const long MaxTextFileBytes = 64L << 20;

    /// <summary>One image file is decoded only up to this size (as an import's default).</summary>
    public const long MaxImageBytes = 32L << 20;

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp" };

    /// <summary>The folder's image files by name; null with the reason when the folder holds none or too many.</summary>
    public static (IReadOnlyList<string>? Files, string? Error) ImageFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return (null, $"{folder} is not a folder");
        }
        var files = Directory.EnumerateFiles(folder).Where(f => ImageExtensions.Contains(Path.GetExtension(f))).Take(MaxItems + 1).Order(StringComparer.Ordinal).ToList();
        return files.Count == 0 ? (null, $"{folder} holds no image files ({string.Join(", ", ImageExtensions.Order())})")
            : files.Count > MaxItems ? (null, $"{folder} holds over {MaxItems} image files; embed it in parts")
            : (files, null);
    }

    /// <summary>The non-empty lines of a caption file; null with the reason when it is too large, empty or has too many.</summary>
    public static (IReadOnlyList<string>? Texts, string? Error) TextLines(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            return (null, $"{file} does not exist");
        }
        if (info.Length > MaxTextFileBytes)
        {
            return (null, $"{file} is {info.Length} bytes, over the {MaxTextFileBytes}-byte limit");
        }
        var lines = File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).Take(MaxItems + 1).ToList();
        return lines.Count == 0 ? (null, $"{file} has no text lines")
            : lines.Count > MaxItems ? (null, $"{file} has over {MaxItems} lines; embed it in parts")
            : (lines, null);
    }

    /// <summary>Decodes images at <paramref name="resolution"/> (centre crop, as CLIP's transform); failures come back with their reason.</summary>
    public static (List<(string Name, byte[] Rgb)> Decoded, List<(string Name, string Reason)> Skipped) Decode(IEnumerable<(string Name, ImageInput Input)> images, int resolution)
    {
        ArgumentNullException.ThrowIfNull(images);
        var decoder = new ImageDecoder(resolution, ImageFit.Crop, maxPixels: 50_000_000, MaxImageBytes);
        var decoded = new List<(string, byte[])>();
        var skipped = new List<(string, string)>();
        foreach (var (name, input) in images)
        {
            var result = decoder.Decode(input);
            if (result.Rgb is { } rgb)
            {
                decoded.Add((name, rgb));
            }
            else
            {
                skipped.Add((name, result.Error ?? "does not decode"));
            }
        }
        return (decoded, skipped);
    }
}
