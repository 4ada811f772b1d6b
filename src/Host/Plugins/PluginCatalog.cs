using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Plugins;

/// <summary>
/// Loads every plugin folder (&lt;dir&gt;/&lt;Name&gt;/&lt;Name&gt;.dll, each through <see cref="PluginFolder"/>) into its
/// own collectible load context that shares Abstractions, Modules and TorchSharp with the host. A broken plugin
/// is listed as failed with the reason; the others keep working. <see cref="Refresh"/> picks up new, changed and
/// removed folders (the service calls it from <see cref="PluginWatcher"/>); jobs take a <see cref="PluginLease"/>
/// so the versions they started with stay loaded until they end.
/// </summary>
public sealed class PluginCatalog : SnapshotRegistry, IDisposable
{
    private readonly string _root;
    private readonly ILogger<PluginCatalog> _logger;
    private readonly Lock _refreshGate = new();
    private readonly Dictionary<string, string> _lastSeen = new(StringComparer.Ordinal);
    private readonly List<LoadedPlugin> _draining = [];
    private PluginSnapshot _current = PluginSnapshot.Empty;

    public PluginCatalog(IOptions<PluginOptions> options, ILogger<PluginCatalog> logger)
    {
        _root = options.Value.FullPath;
        _logger = logger;
        if (!Directory.Exists(_root))
        {
            PluginLog.NoPluginDirectory(logger, _root);
        }
        Refresh(requireStable: false);
    }

    public string Root => _root;

    public PluginSnapshot Current => Volatile.Read(ref _current);

    public IReadOnlyList<PluginStatus> Status => Current.Status;

    /// <summary>Replaced or removed versions that running jobs still hold; they unload when those jobs end.</summary>
    public IReadOnlyList<LoadedPlugin> Draining
    {
        get
        {
            lock (_refreshGate)
            {
                _draining.RemoveAll(p => p.Unloaded);
                return [.. _draining];
            }
        }
    }

    protected override PluginSnapshot Components => Current;

    /// <summary>Pins the current plugin versions for one job.</summary>
    public PluginLease Acquire()
    {
        while (true)
        {
            var snapshot = Current;
            var held = new List<LoadedPlugin>(snapshot.Plugins.Count);
            foreach (var plugin in snapshot.Plugins)
            {
                if (!plugin.TryAcquire())
                {
                    break;
                }
                held.Add(plugin);
            }
            if (held.Count == snapshot.Plugins.Count)
            {
                return new PluginLease(snapshot, held);
            }
            // A refresh unloaded a version between reading the snapshot and leasing it: take the newer snapshot.
            held.ForEach(p => p.Release());
        }
    }

    /// <summary>
    /// Rescans the plugins directory. A folder whose files changed is loaded again once it has looked the same on two
    /// consecutive scans (so a copy in progress is not loaded half-written); the first scan loads at once.
    /// </summary>
    /// <returns>Whether the catalog changed.</returns>
    public bool Refresh(bool requireStable = true, CancellationToken cancellationToken = default)
    {
        var changed = Rescan(requireStable, cancellationToken);
        if (changed)
        {
            // Outside the lock: a listener that leases (or drops a lease) must not wait on a rescan.
            Changed?.Invoke();
        }
        return changed;
    }

    /// <summary>Raised after a refresh published a new snapshot: whoever holds a lease for later use drops it.</summary>
    public event Action? Changed;

    private bool Rescan(bool requireStable, CancellationToken cancellationToken)
    {
        lock (_refreshGate)
        {
            var old = Current;
            var folders = Directory.Exists(_root)
                ? Directory.EnumerateDirectories(_root).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
                : [];
            var fingerprints = folders.ToDictionary(f => Path.GetFileName(f)!, f => PluginFingerprint.Of(f, cancellationToken), StringComparer.Ordinal);
            var next = new NextSnapshot(old);
            var toLoad = next.KeepUnchanged(folders, fingerprints, requireStable ? _lastSeen : null);
            var changed = toLoad.Count > 0;
            foreach (var folder in toLoad)
            {
                Load(next, folder, fingerprints[Path.GetFileName(folder)!]);
            }
            foreach (var removed in old.Plugins.Where(p => !fingerprints.ContainsKey(p.Name)))
            {
                next.Replaced.Add(removed);
                changed = true;
                PluginLog.PluginRemoved(_logger, removed.Name, removed.Leases);
            }
            changed |= old.Failures.Any(f => !fingerprints.ContainsKey(f.Name));
            _lastSeen.Clear();
            foreach (var (name, print) in fingerprints)
            {
                _lastSeen[name] = print;
            }
            if (!changed)
            {
                return false;
            }
            Volatile.Write(ref _current, new PluginSnapshot(old.Generation + 1, next.Kept.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(), next.Failures));
            // Retire after publishing, so no new lease can reach a retired version through the new snapshot.
            next.Replaced.ForEach(p => p.Retire());
            _draining.AddRange(next.Replaced.Where(p => !p.Unloaded));
            _draining.RemoveAll(p => p.Unloaded);
            return true;
        }
    }

    /// <summary>Loads one new or changed folder into the next snapshot, replacing the version it held before.</summary>
    private void Load(NextSnapshot next, string folder, string fingerprint)
    {
        var name = Path.GetFileName(folder)!;
        var result = PluginFolder.Load(folder, fingerprint, next.Kept.Where(p => p.Name != name).ToList());
        if (next.Previous(name) is { } previous)
        {
            next.Kept.Remove(previous);
            next.Replaced.Add(previous);
        }
        if (result.Plugin is { } plugin)
        {
            next.Kept.Add(plugin);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var listed = string.Join(", ", PluginStatus.From(plugin).Components);
                PluginLog.PluginLoaded(_logger, name, plugin.Version, listed);
            }
        }
        else
        {
            next.Failures.Add(result.Failure!);
            PluginLog.PluginFailed(_logger, name, result.Failure!.Error!);
        }
    }

    public void Dispose()
    {
        foreach (var plugin in Current.Plugins)
        {
            plugin.Retire();
        }
    }
}
