namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// A code point found in the catalogue: the base emoji's entry (its captions, labels and split group), the
/// code point as emoji-datasource writes it, and the skin tone when it is a tone variant.
/// </summary>
internal readonly record struct EmojiMatch(EmojiDatasourceEntry Entry, string Unified, string? Tone);
