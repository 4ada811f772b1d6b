using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Model;

namespace ClipHost.Host.Plugins;

/// <summary>
/// A job's view of the catalog: the plugin versions current when it started, kept loaded until it ends, whatever
/// is dropped into or removed from the plugins directory meanwhile.
/// </summary>
public sealed class PluginLease : IComponentRegistry, IDisposable
{
    private readonly IReadOnlyList<LoadedPlugin> _held;
    private int _disposed;

    internal PluginLease(PluginSnapshot snapshot, IReadOnlyList<LoadedPlugin> held)
    {
        Snapshot = snapshot;
        _held = held;
    }

    public PluginSnapshot Snapshot { get; }

    public IReadOnlyCollection<string> EncoderIds => [.. Snapshot.Encoders.Keys];

    public IReadOnlyCollection<string> StrategyIds => [.. Snapshot.Strategies.Keys];

    public IReadOnlyCollection<string> FilterIds => [.. Snapshot.Filters.Keys];

    public IImageEncoderFactory? FindEncoder(string id) => Snapshot.Encoders.GetValueOrDefault(id);

    public ITrainingStrategyFactory? FindStrategy(string id) => Snapshot.Strategies.GetValueOrDefault(id);

    public IDataFilterFactory? FindFilter(string id) => Snapshot.Filters.GetValueOrDefault(id);

    public string ProviderOf(IPluginComponent component) => Snapshot.ProviderOf(component);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var plugin in _held)
            {
                plugin.Release();
            }
        }
    }
}
