namespace ClipHost.Abstractions.DataFilters;

/// <summary>One image-text pair's text and metadata, as a filter sees it (the pixels come from <see cref="IDatasetView"/>).</summary>
/// <param name="Id">Index of the sample in its store.</param>
/// <param name="Key">The sample's key in its source (file name, tar key, emoji code point).</param>
/// <param name="Captions">Captions, the primary one first; never empty.</param>
/// <param name="Split">"train", "val" or "test".</param>
/// <param name="Width">Width of the source image before resizing.</param>
/// <param name="Height">Height of the source image before resizing.</param>
/// <param name="Labels">Class indices per label set (e.g. "subcategory" → 12).</param>
/// <param name="Metadata">Source-specific fields (e.g. "style" → "twitter").</param>
public sealed record SampleRecord(
    int Id,
    string Key,
    IReadOnlyList<string> Captions,
    string Split,
    int Width,
    int Height,
    IReadOnlyDictionary<string, int> Labels,
    IReadOnlyDictionary<string, string> Metadata);
