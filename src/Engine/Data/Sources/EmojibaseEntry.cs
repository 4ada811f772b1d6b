namespace ClipHost.Engine.Data.Sources;

/// <summary>One emoji of emojibase-data's en/data.json: the CLDR label and tags the captions are made of.</summary>
internal sealed record EmojibaseEntry(string Label, string Hexcode, IReadOnlyList<string>? Tags, IReadOnlyList<EmojibaseEntry>? Skins);
