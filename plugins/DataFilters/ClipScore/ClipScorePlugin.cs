using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>Filters by a trained teacher's image-text agreement (DataComp's CLIP-score filtering).</summary>
public sealed class ClipScorePlugin : IClipPlugin
{
    public string Name => "ClipScore";

    public void Register(IClipPluginBuilder builder) => builder.AddDataFilter(new ClipScoreFilterFactory());
}
