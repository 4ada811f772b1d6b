using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"dedup-exact": one pair per distinct stored image.</summary>
public sealed class ExactDedupFilterFactory : PluginComponent<ExactDedupOptions>, IDataFilterFactory
{
    public override string Id => "dedup-exact";

    public override Version Version => typeof(ExactDedupFilterFactory).Assembly.GetName().Version!;

    public override string Description => "Drop pairs whose stored pixels equal a lower id's (SHA-256 of the pixels); keeps the lowest id of each group";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options)
    {
        BindValid(options, "options");
        return new ExactDedupFilter();
    }
}
