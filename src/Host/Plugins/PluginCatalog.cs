using System.Reflection;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Model;
using ClipHost.Host.Options;
using ClipHost.Modules;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace ClipHost.Host.Plugins;

/// <summary>
/// Loads every plugin folder into its own collectible load context that shares Abstractions, Modules and
/// TorchSharp with the host (so LibTorch loads once and Tensor is one type). A broken plugin is listed as failed
/// with the reason; the others keep working. Hot reload comes with the long-running host.
/// </summary>
public sealed class PluginCatalog : IComponentRegistry, IDisposable
{
    private static readonly Type[] SharedTypes = [typeof(IClipPlugin), typeof(TransformerBlock), typeof(torch), typeof(ILogger)];
    private readonly List<PluginLoader> _loaders = [];
    private readonly Dictionary<string, IImageEncoderFactory> _encoders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITrainingStrategyFactory> _strategies = new(StringComparer.Ordinal);
    private readonly List<PluginStatus> _status = [];

    public PluginCatalog(IOptions<PluginOptions> options, ILogger<PluginCatalog> logger)
    {
        var root = options.Value.FullPath;
        if (!Directory.Exists(root))
        {
            PluginLog.NoPluginDirectory(logger, root);
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var status = Load(folder);
            _status.Add(status);
            if (!status.Loaded)
            {
                PluginLog.PluginFailed(logger, status.Name, status.Error!);
            }
        }
    }

    public IReadOnlyList<PluginStatus> Status => _status;

    public IReadOnlyCollection<string> EncoderIds => _encoders.Keys;

    public IReadOnlyCollection<string> StrategyIds => _strategies.Keys;

    public IImageEncoderFactory? FindEncoder(string id) => _encoders.GetValueOrDefault(id);

    public ITrainingStrategyFactory? FindStrategy(string id) => _strategies.GetValueOrDefault(id);

    private PluginStatus Load(string folder)
    {
        var name = Path.GetFileName(folder);
        var dll = Path.Combine(folder, name + ".dll");
        if (!File.Exists(dll))
        {
            return new PluginStatus(name, folder, false, $"{name}.dll is missing from {folder}", []);
        }
        PluginLoader? loader = null;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(dll, isUnloadable: true, SharedTypes, c => c.PreferSharedTypes = true);
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
            foreach (var e in collected.Encoders.Where(e => _encoders.ContainsKey(e.Id)))
            {
                throw new InvalidOperationException($"architecture id '{e.Id}' is already provided by another plugin");
            }
            foreach (var s in collected.Strategies.Where(s => _strategies.ContainsKey(s.Id)))
            {
                throw new InvalidOperationException($"strategy id '{s.Id}' is already provided by another plugin");
            }
            collected.Encoders.ForEach(e => _encoders[e.Id] = e);
            collected.Strategies.ForEach(s => _strategies[s.Id] = s);
            _loaders.Add(loader);
            return new PluginStatus(name, folder, true, null, collected.All.Select(c => $"{c.Kind}:{c.Id}@{c.Version}").ToList());
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException
            or InvalidOperationException or TargetInvocationException or MissingMethodException or TypeLoadException)
        {
            loader?.Dispose();
            return new PluginStatus(name, folder, false, (e.InnerException ?? e).Message, []);
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

    public void Dispose()
    {
        foreach (var loader in _loaders)
        {
            loader.Dispose();
        }
    }
}
