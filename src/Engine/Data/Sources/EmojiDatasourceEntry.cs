namespace ClipHost.Engine.Data.Sources;

/// <summary>One emoji of emoji-datasource's emoji.json: its names, category, which vendors draw it, and its skin tones.</summary>
internal sealed record EmojiDatasourceEntry(
    string? Name,
    string Unified,
    string Image,
    IReadOnlyList<string> ShortNames,
    string Category,
    string Subcategory,
    int SortOrder,
    bool HasImgTwitter,
    bool HasImgGoogle,
    bool HasImgApple,
    bool HasImgFacebook,
    Dictionary<string, EmojiDatasourceEntry.Variant>? SkinVariations)
{
    public bool HasImage(string style) => new Variant(Unified, Image, HasImgTwitter, HasImgGoogle, HasImgApple, HasImgFacebook).HasImage(style);

    /// <summary>A skin-tone variant: its own code point and image, the base emoji's everything else.</summary>
    internal sealed record Variant(string Unified, string Image, bool HasImgTwitter, bool HasImgGoogle, bool HasImgApple, bool HasImgFacebook)
    {
        public bool HasImage(string style) => style switch
        {
            "twitter" => HasImgTwitter,
            "google" => HasImgGoogle,
            "apple" => HasImgApple,
            "facebook" => HasImgFacebook,
            _ => false,
        };
    }
}
