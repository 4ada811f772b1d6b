using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"random-subset": the same seed and candidates give the same subset.</summary>
public sealed class RandomSubsetFilterFactory : PluginComponent<RandomSubsetOptions>, IDataFilterFactory
{
    public override string Id => "random-subset";

    public override Version Version => typeof(RandomSubsetFilterFactory).Assembly.GetName().Version!;

    public override string Description => "A seeded random subset of a given fraction or count (dataset-size experiments)";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options) => new RandomSubsetFilter(BindValid(options, "options"));
}
