using System.Text;
using ClipHost.Engine.Data.Import;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// The members of one WebDataset sample that are kept (at most one image, the caption and JSON sidecars), and the
/// import candidate they make: a sample without an image, without a caption or with an oversized member is skipped
/// with the reason.
/// </summary>
internal sealed class WebDatasetSample
{
    public string? Key { get; set; }
    public byte[]? Image { get; set; }
    public Dictionary<string, byte[]> Text { get; } = new(StringComparer.Ordinal);
    public string? Oversized { get; set; }

    /// <summary>WebDataset's rule: the key is the member path up to the first dot of its file name.</summary>
    public static (string Key, string Extension) SplitKey(string member)
    {
        var slash = member.LastIndexOf('/');
        var dot = member.IndexOf('.', slash + 1);
        return dot < 0 ? (member, string.Empty) : (member[..dot], member[(dot + 1)..].ToLowerInvariant());
    }

    public ImportCandidate ToCandidate(string shard)
    {
        var id = $"{shard}:{Key}";
        var meta = new Dictionary<string, string> { ["shard"] = shard, ["key"] = Key! };
        string? jsonCaption = null;
        if (Text.TryGetValue("json", out var json))
        {
            jsonCaption = ReadJson(json, meta);
        }
        var caption = Text.TryGetValue("txt", out var txt) ? Encoding.UTF8.GetString(txt) : jsonCaption;
        if (Oversized is { } oversized)
        {
            return ImportCandidate.Failed(id, oversized);
        }
        if (Image is null)
        {
            return ImportCandidate.Failed(id, caption is null ? "no image and no caption" : "caption but no image (expected key.jpg, .png or .webp)");
        }
        if (caption is null)
        {
            return ImportCandidate.Failed(id, "image but no caption (expected key.txt)");
        }
        return new ImportCandidate(id, new ImageInput.Encoded(Image), [caption], Meta: meta);
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
