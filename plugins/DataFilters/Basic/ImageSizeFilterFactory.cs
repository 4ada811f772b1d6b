using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"image-size": DataComp's basic filtering drops small and extremely elongated images.</summary>
public sealed class ImageSizeFilterFactory : PluginComponent<ImageSizeOptions>, IDataFilterFactory
{
    public override string Id => "image-size";

    public override Version Version => typeof(ImageSizeFilterFactory).Assembly.GetName().Version!;

    public override string Description => "Keep pairs whose source image meets minWidth, minHeight, minSide (shorter side) and maxAspectRatio";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options) => new ImageSizeFilter(BindValid(options, "options"));
}
