namespace ClipHost.Host.Plugins;

/// <summary>
/// A job's view of the catalog: the plugin versions current when it started, kept loaded until it ends, whatever
/// is dropped into or removed from the plugins directory meanwhile.
/// </summary>
public sealed class PluginLease : SnapshotRegistry, IDisposable
{
    private readonly IReadOnlyList<LoadedPlugin> _held;
    private int _disposed;

    internal PluginLease(PluginSnapshot snapshot, IReadOnlyList<LoadedPlugin> held)
    {
        Snapshot = snapshot;
        _held = held;
    }

    public PluginSnapshot Snapshot { get; }

    protected override PluginSnapshot Components => Snapshot;

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
