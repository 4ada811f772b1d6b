using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Model;

namespace ClipHost.Host.Plugins;

/// <summary>
/// The engine's component lookups over one plugin snapshot: the catalog answers from its current snapshot, a lease
/// from the snapshot it pinned when its job started.
/// </summary>
public abstract class SnapshotRegistry : IComponentRegistry
{
    public IReadOnlyCollection<string> EncoderIds => [.. Components.Encoders.Keys];

    public IReadOnlyCollection<string> StrategyIds => [.. Components.Strategies.Keys];

    public IReadOnlyCollection<string> FilterIds => [.. Components.Filters.Keys];

    /// <summary>The snapshot the lookups read.</summary>
    protected abstract PluginSnapshot Components { get; }

    public IImageEncoderFactory? FindEncoder(string id) => Components.Encoders.GetValueOrDefault(id);

    public ITrainingStrategyFactory? FindStrategy(string id) => Components.Strategies.GetValueOrDefault(id);

    public IDataFilterFactory? FindFilter(string id) => Components.Filters.GetValueOrDefault(id);

    public string ProviderOf(IPluginComponent component) => Components.ProviderOf(component);
}
