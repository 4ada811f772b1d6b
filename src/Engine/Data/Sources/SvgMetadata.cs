using System.Xml;

namespace ClipHost.Engine.Data.Sources;

/// <summary>The Dublin Core title, description and keywords of an Open Clip Art SVG.</summary>
public sealed record SvgMetadata(string? Title, string? Description, IReadOnlyList<string> Keywords)
{
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static readonly SvgMetadata Empty = new(null, null, []);

    /// <summary>Reads the work's own metadata, stopping at the end of the metadata element so big drawings stay cheap.</summary>
    public static SvgMetadata Read(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        string? title = null, description = null;
        var keywords = new List<string>();
        try
        {
            using var reader = XmlReader.Create(path, settings);
            Collect(reader, ref title, ref description, keywords);
        }
        catch (XmlException)
        {
            // A broken SVG only loses its metadata; the PNG may still be fine.
        }
        return new SvgMetadata(title, description, keywords);
    }

    /// <summary>Collects as it reads, so a drawing whose XML breaks later keeps what came before the break.</summary>
    private static void Collect(XmlReader reader, ref string? title, ref string? description, List<string> keywords)
    {
        // dc:title also names publishers, creators and rights holders; only the work's own title counts.
        var owners = new Stack<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "metadata")
                {
                    break;
                }
                if (reader.NamespaceURI == Dc && owners.Count > 0 && owners.Peek() == reader.LocalName)
                {
                    owners.Pop();
                }
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement)
            {
                continue;
            }
            if (reader.NamespaceURI == Dc && reader.LocalName is "publisher" or "creator" or "rights" or "contributor" or "subject")
            {
                owners.Push(reader.LocalName);
                continue;
            }
            var inOwner = owners.Count > 0 ? owners.Peek() : null;
            if (reader.NamespaceURI == Dc && reader.LocalName == "title" && inOwner is null && title is null)
            {
                title = reader.ReadElementContentAsString();
            }
            else if (reader.NamespaceURI == Dc && reader.LocalName == "description" && inOwner is null && description is null)
            {
                description = reader.ReadElementContentAsString();
            }
            else if (reader.NamespaceURI == Rdf && reader.LocalName == "li" && inOwner == "subject")
            {
                var keyword = reader.ReadElementContentAsString().Trim();
                if (keyword.Length > 0)
                {
                    keywords.Add(keyword);
                }
            }
        }
    }
}
