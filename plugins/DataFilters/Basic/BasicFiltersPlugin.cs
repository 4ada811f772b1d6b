using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// Filters that need no model: a seeded random subset (dataset-size studies), and DataComp-style basic and text-based
/// filtering: caption length, English captions, source image size, exact and near-duplicate images, and a vocabulary.
/// </summary>
public sealed class BasicFiltersPlugin : IClipPlugin
{
    public string Name => "BasicFilters";

    public void Register(IClipPluginBuilder builder) =>
        builder.AddDataFilter(new RandomSubsetFilterFactory())
            .AddDataFilter(new CaptionLengthFilterFactory())
            .AddDataFilter(new EnglishFilterFactory())
            .AddDataFilter(new ImageSizeFilterFactory())
            .AddDataFilter(new ExactDedupFilterFactory())
            .AddDataFilter(new PhashDedupFilterFactory())
            .AddDataFilter(new VocabularyFilterFactory());
}
