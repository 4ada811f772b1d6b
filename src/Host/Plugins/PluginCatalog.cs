using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.IO;
using ClipHost.Engine.Model;
using ClipHost.Host.Options;
using ClipHost.Modules;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace ClipHost.Host.Plugins;

/// <summary>
/// Loads every plugin folder (&lt;dir&gt;/&lt;Name&gt;/&lt;Name&gt;.dll) into its own collectible load context that shares
/// Abstractions, Modules and TorchSharp with the host, so LibTorch loads once and Tensor is one type. A broken plugin
/// is listed as failed with the reason; the others keep working. <see cref="Refresh"/> picks up new, changed and
/// removed folders (the service calls it from <see cref="PluginWatcher"/>); jobs take a <see cref="PluginLease"/>
/// so the versions they started with stay loaded until they end.
/// </summary>
public sealed class PluginCatalog : IComponentRegistry, IDisposable
{
    private static readonly Type[] SharedTypes = [typeof(IClipPlugin), typeof(TransformerBlock), typeof(torch), typeof(ILogger)];
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

    public IReadOnlyCollection<string> EncoderIds => [.. Current.Encoders.Keys];

    public IReadOnlyCollection<string> StrategyIds => [.. Current.Strategies.Keys];

    public IReadOnlyCollection<string> FilterIds => [.. Current.Filters.Keys];

    public IImageEncoderFactory? FindEncoder(string id) => Current.Encoders.GetValueOrDefault(id);

    public ITrainingStrategyFactory? FindStrategy(string id) => Current.Strategies.GetValueOrDefault(id);

    public IDataFilterFactory? FindFilter(string id) => Current.Filters.GetValueOrDefault(id);

    public string ProviderOf(IPluginComponent component) => Current.ProviderOf(component);

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
        lock (_refreshGate)
        {
            var old = Current;
            var folders = Directory.Exists(_root)
                ? Directory.EnumerateDirectories(_root).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
                : [];
            var kept = new List<LoadedPlugin>();
            var failures = new List<PluginStatus>();
            var replaced = new List<LoadedPlugin>();
            var changed = false;
            var byName = old.Plugins.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var failedByName = old.Failures.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var fingerprints = folders.ToDictionary(f => Path.GetFileName(f)!, f => Fingerprint(f, cancellationToken), StringComparer.Ordinal);

            // Keep what did not change first, so a new folder cannot take an id from a plugin that was already there.
            var toLoad = new List<string>();
            foreach (var folder in folders)
            {
                var name = Path.GetFileName(folder)!;
                var print = fingerprints[name];
                if (byName.TryGetValue(name, out var loaded) && loaded.Fingerprint == print)
                {
                    kept.Add(loaded);
                }
                else if (failedByName.TryGetValue(name, out var failed) && failed.Fingerprint == print)
                {
                    failures.Add(failed);
                }
                else if (requireStable && _lastSeen.GetValueOrDefault(name) != print)
                {
                    // Changed since the last scan: wait for it to settle, keeping the previous state meanwhile.
                    if (byName.TryGetValue(name, out var previous))
                    {
                        kept.Add(previous);
                    }
                    else if (failedByName.TryGetValue(name, out var previousFailure))
                    {
                        failures.Add(previousFailure);
                    }
                }
                else
                {
                    toLoad.Add(folder);
                }
            }
            foreach (var folder in toLoad)
            {
                var name = Path.GetFileName(folder)!;
                var result = Load(folder, fingerprints[name], kept.Where(p => p.Name != name).ToList());
                changed = true;
                if (byName.TryGetValue(name, out var previous))
                {
                    kept.Remove(previous);
                    replaced.Add(previous);
                }
                if (result.Plugin is { } plugin)
                {
                    kept.Add(plugin);
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        var listed = string.Join(", ", PluginStatus.From(plugin).Components);
                        PluginLog.PluginLoaded(_logger, name, plugin.Version, listed);
                    }
                }
                else
                {
                    failures.Add(result.Failure!);
                    PluginLog.PluginFailed(_logger, name, result.Failure!.Error!);
                }
            }
            foreach (var removed in old.Plugins.Where(p => !fingerprints.ContainsKey(p.Name)))
            {
                replaced.Add(removed);
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
            Volatile.Write(ref _current, new PluginSnapshot(old.Generation + 1, kept.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(), failures));
            // Retire after publishing, so no new lease can reach a retired version through the new snapshot.
            replaced.ForEach(p => p.Retire());
            _draining.AddRange(replaced.Where(p => !p.Unloaded));
            _draining.RemoveAll(p => p.Unloaded);
            return true;
        }
    }

    private static (LoadedPlugin? Plugin, PluginStatus? Failure) Load(string folder, string fingerprint, IReadOnlyList<LoadedPlugin> others)
    {
        var name = Path.GetFileName(folder);
        var dll = Path.Combine(folder, name + ".dll");
        PluginStatus Fail(string reason) => new(name, folder, false, reason, [], Fingerprint: fingerprint);
        if (!File.Exists(dll))
        {
            return (null, Fail($"{name}.dll is missing from {folder}"));
        }
        PluginLoader? loader = null;
        try
        {
            // In memory, so a new build can overwrite the files while this version is still running jobs.
            loader = PluginLoader.CreateFromAssemblyFile(dll, isUnloadable: true, SharedTypes, c =>
            {
                c.PreferSharedTypes = true;
                c.LoadInMemory = true;
            });
            var assembly = loader.LoadDefaultAssembly();
            CheckAbi(assembly);
            var entryTypes = assembly.GetTypes().Where(t => typeof(IClipPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
            if (entryTypes.Count != 1)
            {
                throw new InvalidOperationException($"expected exactly one IClipPlugin implementation, found {entryTypes.Count}");
            }
            var plugin = (IClipPlugin)Activator.CreateInstance(entryTypes[0])!;
            var collected = new ComponentCollector();
            plugin.Register(collected);
            foreach (var component in collected.All)
            {
                var owner = others.FirstOrDefault(o => o.Components.Any(c => c.Kind == component.Kind && c.Id == component.Id));
                if (owner is not null)
                {
                    throw new InvalidOperationException($"{component.Kind} id '{component.Id}' is already provided by plugin {owner.Name}");
                }
            }
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            return (new LoadedPlugin(name, folder, fingerprint, version, loader, collected), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a plugin throws while loading or registering is its failure, never the host's.
            loader?.Dispose();
            var reason = e is TargetInvocationException { InnerException: { } inner } ? $"{inner.GetType().Name}: {inner.Message}" : e.Message;
            return (null, Fail(reason));
        }
    }

    /// <summary>A plugin built against another major version of the ABI would fail at the first call; refuse it up front.</summary>
    private static void CheckAbi(Assembly assembly)
    {
        var abi = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == typeof(IClipPlugin).Assembly.GetName().Name);
        var host = typeof(IClipPlugin).Assembly.GetName().Version!;
        if (abi?.Version is { } built && (built.Major != host.Major || built > host))
        {
            throw new InvalidOperationException($"built against ClipHost.Abstractions {built}, the host has {host}");
        }
    }

    /// <summary>
    /// What identifies a folder's content cheaply: every file's relative path, size and write time, and every link's
    /// target. Links are not followed, so a link to an ancestor cannot make the scan loop (and hang the catalog's lock).
    /// </summary>
    private static string Fingerprint(string folder, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        try
        {
            foreach (var entry in FileWalk.Enumerate(folder, cancellationToken).OrderBy(e => e.RelativePath, StringComparer.Ordinal))
            {
                text.Append(entry.RelativePath).Append('|');
                if (entry.IsLink)
                {
                    text.Append("-> ").Append(entry.LinkTarget).Append('\n');
                    continue;
                }
                var info = new FileInfo(entry.FullPath);
                text.Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
        }
        catch (IOException)
        {
            text.Append("unreadable:").Append(DateTime.UtcNow.Ticks);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public void Dispose()
    {
        foreach (var plugin in Current.Plugins)
        {
            plugin.Retire();
        }
    }
}
