using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using McMaster.NETCore.Plugins;

namespace ClipHost.Host.Plugins;

/// <summary>
/// One version of one plugin folder, loaded in its own collectible context. Jobs hold leases on it; once a newer
/// version replaces it (or its folder is removed) it is retired, and its context unloads when the last lease ends,
/// so a running job keeps the code it started with.
/// </summary>
public sealed class LoadedPlugin
{
    private readonly PluginLoader _loader;
    private readonly Lock _gate = new();
    private int _leases;
    private bool _retired;
    private bool _unloaded;

    public LoadedPlugin(string name, string folder, string fingerprint, string version, PluginLoader loader, ComponentCollector components)
    {
        Name = name;
        Folder = folder;
        Fingerprint = fingerprint;
        Version = version;
        _loader = loader;
        Encoders = components.Encoders;
        Strategies = components.Strategies;
        Filters = components.Filters;
        LoadedAt = DateTimeOffset.UtcNow;
    }

    public string Name { get; }
    public string Folder { get; }
    public string Fingerprint { get; }
    public string Version { get; }
    public DateTimeOffset LoadedAt { get; }
    public IReadOnlyList<IImageEncoderFactory> Encoders { get; }
    public IReadOnlyList<ITrainingStrategyFactory> Strategies { get; }
    public IReadOnlyList<IDataFilterFactory> Filters { get; }

    public IEnumerable<IPluginComponent> Components => [.. Encoders, .. Strategies, .. Filters];

    public int Leases
    {
        get
        {
            lock (_gate)
            {
                return _leases;
            }
        }
    }

    public bool Retired
    {
        get
        {
            lock (_gate)
            {
                return _retired;
            }
        }
    }

    public bool Unloaded
    {
        get
        {
            lock (_gate)
            {
                return _unloaded;
            }
        }
    }

    /// <summary>Takes a lease; false if this version is already unloaded (the caller takes a newer snapshot).</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_unloaded)
            {
                return false;
            }
            _leases++;
            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _leases--;
            UnloadIfIdle();
        }
    }

    /// <summary>Marks this version as replaced or removed; it unloads now if no job holds it, else after the last one.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            UnloadIfIdle();
        }
    }

    private void UnloadIfIdle()
    {
        if (_retired && _leases == 0 && !_unloaded)
        {
            _unloaded = true;
            _loader.Dispose();
        }
    }
}
