using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Filters that need no model: a seeded random subset (dataset-size studies) and caption length.</summary>
public sealed class BasicFiltersPlugin : IClipPlugin
{
    public string Name => "BasicFilters";

    public void Register(IClipPluginBuilder builder) =>
        builder.AddDataFilter(new RandomSubsetFilterFactory()).AddDataFilter(new CaptionLengthFilterFactory());
}
