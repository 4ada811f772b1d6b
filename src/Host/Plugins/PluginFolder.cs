using System.Reflection;
using ClipHost.Abstractions.Plugins;
using ClipHost.Modules;
using McMaster.NETCore.Plugins;
using TorchSharp;

namespace ClipHost.Host.Plugins;

/// <summary>
/// Loads one plugin folder (&lt;dir&gt;/&lt;Name&gt;/&lt;Name&gt;.dll) into its own collectible load context that shares
/// Abstractions, Modules and TorchSharp with the host, so LibTorch loads once and Tensor is one type. Whatever goes
/// wrong (no DLL, another ABI, no or two entry points, an id another plugin has, a throwing plugin) is the folder's
/// failure with the reason, never the host's.
/// </summary>
internal static class PluginFolder
{
    private static readonly Type[] SharedTypes = [typeof(IClipPlugin), typeof(TransformerBlock), typeof(torch), typeof(ILogger)];

    public static (LoadedPlugin? Plugin, PluginStatus? Failure) Load(string folder, string fingerprint, IReadOnlyList<LoadedPlugin> others)
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
            PluginAbi.Check(assembly);
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
}
