using System.Buffers.Binary;
using System.Xml;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>The Debian clip art (openclipart-png/-svg): its files, who drew them, and stores of chosen files.</summary>
public static class ClipArt
{
    public static string Root => OpenClipArtSource.DefaultRoot;

    public static string Png(string relative) => Path.Combine(Root, "png", relative);

    public static string Svg(string relative) => Path.Combine(Root, "svg", Path.ChangeExtension(relative, ".svg"));

    /// <summary>Width and height from the PNG's IHDR chunk, read without the importer's decoder.</summary>
    public static (int Width, int Height) Size(string relative)
    {
        Span<byte> header = stackalloc byte[24];
        using var file = File.OpenRead(Png(relative));
        file.ReadExactly(header);
        return (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..]));
    }

    /// <summary>Installs the packages when missing and lists every PNG, relative to png/, in ordinal order.</summary>
    public static async Task<IReadOnlyList<string>> PngsAsync()
    {
        await new OpenClipArtSource(Importer.RealPackages()).PrepareAsync(TestContext.Current.CancellationToken);
        return [.. Directory.EnumerateFiles(Path.Combine(Root, "png"), "*.png", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Root, "png"), f))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The work's creator (dc:creator's agent title) from its SVG twin, reading no further than the metadata.</summary>
    public static string? Creator(string relative)
    {
        var svg = Svg(relative);
        if (!File.Exists(svg))
        {
            return null;
        }
        const string dc = "http://purl.org/dc/elements/1.1/";
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(svg, settings);
            var inCreator = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (reader.LocalName == "metadata")
                    {
                        return null;
                    }
                    inCreator &= !(reader.NamespaceURI == dc && reader.LocalName == "creator");
                    continue;
                }
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != dc)
                {
                    continue;
                }
                if (reader.LocalName == "creator")
                {
                    inCreator = !reader.IsEmptyElement;
                }
                else if (inCreator && reader.LocalName == "title")
                {
                    return reader.ReadElementContentAsString().Trim();
                }
            }
        }
        catch (XmlException)
        {
            // A few SVGs are not well-formed; they have no creator for this purpose.
        }
        return null;
    }

    /// <summary>Imports just the given files through the real source: a root of links in the package's own layout.</summary>
    public static async Task<ClipStore> ImportAsync(IEnumerable<string> relatives, TempDir dir)
    {
        foreach (var relative in relatives)
        {
            foreach (var (kind, source) in new[] { ("png", Png(relative)), ("svg", Svg(relative)) })
            {
                var link = dir.Combine("clipart", kind, Path.ChangeExtension(relative, kind == "png" ? ".png" : ".svg"));
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                if (File.Exists(source) && !File.Exists(link))
                {
                    File.CreateSymbolicLink(link, source);
                }
            }
        }
        var report = await Importer.RunAsync(new OpenClipArtSource(Importer.RealPackages(), dir.Combine("clipart")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);
        return ClipStore.Open(report.StorePath);
    }

    /// <summary>An even spread over a sorted list, so every category is represented.</summary>
    public static IEnumerable<T> Spread<T>(IReadOnlyList<T> items, int count) =>
        count >= items.Count ? items : Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)]);
}
