using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"caption-length": DataComp's basic filtering keeps captions of a sensible length.</summary>
public sealed class CaptionLengthFilterFactory : PluginComponent<CaptionLengthOptions>, IDataFilterFactory
{
    public override string Id => "caption-length";

    public override Version Version => typeof(CaptionLengthFilterFactory).Assembly.GetName().Version!;

    public override string Description => "Keep pairs whose primary caption has between min and max words and characters";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options) => new CaptionLengthFilter(BindValid(options, "options"));
}
