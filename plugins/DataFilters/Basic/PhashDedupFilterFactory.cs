using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"dedup-phash": one pair per cluster of perceptually near-identical images.</summary>
public sealed class PhashDedupFilterFactory : PluginComponent<PhashDedupOptions>, IDataFilterFactory
{
    public override string Id => "dedup-phash";

    public override Version Version => typeof(PhashDedupFilterFactory).Assembly.GetName().Version!;

    public override string Description => "Drop near-duplicate images: DCT perceptual hashes within maxDistance bits of a kept lower id";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options) => new PhashDedupFilter(BindValid(options, "options"));
}
